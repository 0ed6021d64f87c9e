/**
 * The lab layer on this machine: namespaces, veths, OVS bridges and processes are created with the
 * run prefix and nothing is left after teardown — also when building fails half-way. Skips with
 * the reason when there is no lab, unless GNF_REQUIRE_EMULATION=1.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { labRequired, ovsLabStatus } from "./availability.ts";
import { leftovers } from "./leftovers.ts";
import { labName, RUN_PREFIX } from "./names.ts";
import { listNamespaces, Namespace } from "./namespace.ts";
import { OvsBridge } from "./ovs-bridge.ts";
import { LabProcess } from "./process.ts";
import { run } from "./run.ts";
import { Teardown } from "./teardown.ts";
import { VethPair } from "./veth.ts";

const status = await ovsLabStatus();
if (!status.ok && !labRequired()) console.warn(`skipping lab layer tests: ${status.reason}`);

describe.runIf(status.ok || labRequired()).sequential("lab layer", () => {
  afterEach(async () => {
    expect(await leftovers()).toEqual([]);
  });

  it("builds two namespaces joined by an OVS bridge with fixed port numbers, and removes them all", async () => {
    if (!status.ok) throw new Error(`GNF_REQUIRE_EMULATION=1 but the lab is missing: ${status.reason}`);
    const t = new Teardown();
    try {
      const bridge = await OvsBridge.create(labName("br"), t);
      for (const [i, port] of [[1, 7], [2, 8]] as const) {
        const ns = await Namespace.create(labName(`h${i}`), t);
        const [outside, inside] = [labName("o"), labName("i")];
        await VethPair.create(outside, inside, t);
        await VethPair.moveTo(inside, ns);
        await ns.configure(inside, `10.0.0.${i}/24`);
        await VethPair.upOnHost(outside);
        await bridge.addPort(outside, port);
        expect((await ns.exec("ethtool", ["-k", inside])).stdout).toMatch(/tx-checksumming: off/);
      }
      const { stdout } = await run("ovs-vsctl", ["--columns=name,ofport", "--format=csv", "--no-headings", "list", "interface"]);
      const ours = stdout.split("\n").filter((l) => l.startsWith(RUN_PREFIX)).map((l) => l.split(",")[1]).sort();
      expect(ours).toEqual(["65534", "7", "8"]);
      expect((await leftovers()).map((l) => l.split(" ")[0]).sort()).toEqual(["OVS", "interface", "interface", "interface", "namespace", "namespace"]);
    } finally {
      await t.teardown();
    }
  }, 30_000);

  it("tears down what was built when building fails half-way, and stops processes by PID", async () => {
    const t = new Teardown();
    const ns = await Namespace.create(labName("f"), t);
    const sleeper = LabProcess.start(t, "sleep", ["30"], ns);
    expect(sleeper.pid).toBeGreaterThan(0);
    const err = await VethPair.create(labName("o"), "x".repeat(20), t).catch((e: unknown) => e);
    expect(String(err)).toMatch(/ip link add .* type veth peer name x{20}` failed/);
    await t.teardown();
    expect(await sleeper.wait()).toBe(null);
    expect(() => process.kill(sleeper.pid as number, 0)).toThrow();
  }, 30_000);

  it("SIGTERM to a lab process tears down what it created before it exits", async () => {
    const fixture = fileURLToPath(new URL("./signal-fixture.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", fixture], { stdio: ["ignore", "pipe", "inherit"] });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const name = await new Promise<string>((resolve) => {
      let text = "";
      child.stdout.setEncoding("utf8").on("data", (s: string) => {
        text += s;
        if (text.includes("\n")) resolve(text.trim());
      });
    });
    expect(await listNamespaces()).toContain(name);
    process.kill(child.pid as number, "SIGTERM");
    expect(await exited).toBe(143);
    expect(await listNamespaces()).not.toContain(name);
  }, 30_000);
});
