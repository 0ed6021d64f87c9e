/**
 * A lab process that builds a Mininet network and then dies leaves nothing behind: on SIGTERM its
 * Teardown stops the network (exit 143); on SIGKILL the driver sees the end of its input and tears
 * down itself, and the relay follows its dead parent. Also: a driver that dies (SIGKILL) is
 * cleaned up after by the client (by name and PID). Skips without a Mininet lab unless
 * GNF_REQUIRE_EMULATION=1.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { labRequired } from "../lab/availability.ts";
import { leftovers } from "../lab/leftovers.ts";
import { run } from "../lab/run.ts";
import { Teardown } from "../lab/teardown.ts";
import { Controller } from "../../openflow/controller/server.ts";
import { mininetLabStatus } from "./availability.ts";
import { MininetDriverExited } from "./errors.ts";
import { MininetNet } from "./net.ts";

const status = await mininetLabStatus();
if (!status.ok && !labRequired()) console.warn(`skipping Mininet crash tests: ${status.reason}`);

function gone(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.startsWith("Z") ?? true;
  } catch {
    return true;
  }
}

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

interface Built {
  prefix: string;
  driver: number;
  pids: number[];
}

async function buildInChild(): Promise<{ built: Built; exited: Promise<number | null>; pid: number }> {
  if (!status.ok) throw new Error(`GNF_REQUIRE_EMULATION=1 but the Mininet lab is missing: ${status.reason}`);
  const fixture = fileURLToPath(new URL("./crash-fixture.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", fixture], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const built = await new Promise<Built>((resolve, reject) => {
    let text = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => {
      text += s;
      if (text.includes("\n")) resolve(JSON.parse(text.split("\n")[0] as string) as Built);
    });
    void exited.then((code) => reject(new Error(`fixture exited (${code}) before building`)));
  });
  return { built, exited, pid: child.pid as number };
}

describe.runIf(status.ok || labRequired()).sequential("Mininet network of a dying lab process", () => {
  for (const signal of ["SIGTERM", "SIGKILL"] as const) {
    it(`${signal} to the Node process removes the network (bridges, interfaces, driver, shells, relay, background process)`, async () => {
      const { built, exited, pid } = await buildInChild();
      expect((await leftovers(built.prefix)).length).toBeGreaterThan(0);
      expect(built.pids.every((p) => !gone(p))).toBe(true);
      process.kill(pid, signal);
      expect(await exited).toBe(signal === "SIGTERM" ? 143 : null);
      expect(await until(async () => (await leftovers(built.prefix)).length === 0 && built.pids.every(gone), 15_000)).toBe(true);
      expect(await leftovers(built.prefix)).toEqual([]);
    }, 60_000);
  }

  it("a driver killed with SIGKILL fails pending work with MininetDriverExited, and stop() removes what it left", async () => {
    if (!status.ok) throw new Error(status.reason);
    const t = new Teardown();
    const controller = new Controller({ port: 0 });
    await controller.listen();
    t.add("controller", () => controller.close());
    try {
      const net = await MininetNet.start(t);
      const s = await net.addSwitch("s", { dpid: (BigInt(process.pid) << 16n) | 0xd1n, controllerPort: controller.port });
      const h = await net.addHost("h", { ip: "10.79.1.1/24" });
      await net.addLink(h, s, { port2: 1 });
      await net.start();
      const sleeper = await net.spawn(h, ["sleep", "300"]);
      const shell = (await net.nodeInfo(h)).pid;
      const pending = net.exec(h, ["sleep", "30"]);
      // Wait until the foreground sleep runs in the host, then kill the driver under it.
      const running = async (): Promise<number | undefined> => {
        const { stdout } = await run("pgrep", ["-x", "-P", String(net.driverPid), "sleep"]).catch(() => ({ stdout: "" }));
        return Number(stdout.trim().split("\n")[0]) || undefined;
      };
      expect(await until(async () => (await running()) !== undefined, 5000)).toBe(true);
      const foreground = (await running()) as number;
      process.kill(net.driverPid, "SIGKILL");
      await expect(pending).rejects.toBeInstanceOf(MininetDriverExited);
      expect((await leftovers()).length).toBeGreaterThan(0);
      await net.stop();
      expect(await leftovers()).toEqual([]);
      expect([gone(shell), gone(sleeper), gone(foreground)]).toEqual([true, true, true]);
    } finally {
      await t.teardown();
    }
    expect(await leftovers()).toEqual([]);
  }, 60_000);
});
