/**
 * The driver's JSON-lines protocol without building a network: answers carry the request id,
 * unknown commands and bad arguments are errors naming what was wrong, and the driver exits on
 * `stop`, on end of input and on SIGTERM, saying why. Mininet's machine-wide cleanup is disabled.
 * Needs only /usr/bin/python3 with Mininet (skips otherwise, unless GNF_REQUIRE_EMULATION=1).
 */
import { execFile } from "node:child_process";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { labRequired } from "../lab/availability.ts";
import { run } from "../lab/run.ts";
import { DRIVER_SCRIPT, DriverChannel, MININET_PYTHON } from "./channel.ts";
import { MininetError } from "./errors.ts";

const importable = await run(MININET_PYTHON, ["-c", "import mininet.net"]).then(
  () => true,
  () => false,
);
if (!importable && !labRequired()) console.warn(`skipping Mininet driver protocol tests: ${MININET_PYTHON} cannot import Mininet`);

describe.runIf(importable || labRequired())("Mininet driver protocol", () => {
  it("answers by id; unknown commands and bad arguments are errors with a clear message", async () => {
    const ch = await DriverChannel.start();
    try {
      const [hello, unknown, badArgs, badName] = await Promise.allSettled([
        ch.request("hello"),
        ch.request("frobnicate"),
        ch.request("addHost", { name: "x", bogus: 1 }),
        ch.request("addHost", { name: "a-very-long-name" }),
      ]);
      expect(hello.status === "fulfilled" && hello.value.result).toMatchObject({ mininet: "2.3.0", pid: ch.pid });
      const reasons = [unknown, badArgs, badName].map((r) => (r.status === "rejected" ? (r.reason as MininetError) : undefined));
      expect(reasons.every((r) => r instanceof MininetError)).toBe(true);
      expect(reasons.map((r) => r?.message)).toEqual([
        "mininet frobnicate: unknown command 'frobnicate' (known: stop, addHost, addLink, addSwitch, exec, hello, kill, moveLink, nodeInfo, spawn, start)",
        "mininet addHost: bad arguments for addHost: got an unexpected keyword argument 'bogus'",
        "mininet addHost: node name 'a-very-long-name' is too long: its interfaces a-very-long-name-eth<N> must fit in 15 bytes",
      ]);
      await expect(ch.request("nodeInfo", { name: "nobody" })).rejects.toThrow("mininet nodeInfo: no node named 'nobody' (hosts: none; switches: none)");
      expect((await ch.request("stop")).result).toEqual({ nodes: 0, processes: 0, errors: [] });
      expect(await ch.exited).toBe(0);
    } finally {
      ch.signal("SIGKILL");
    }
  }, 30_000);

  it("tears down and exits at end of input and on SIGTERM, saying why", async () => {
    const eof = await DriverChannel.start();
    eof.endInput();
    expect(await eof.exited, eof.stderr).toBe(0);
    expect(eof.events.at(-1)).toEqual({ event: "stopped", reason: "end of input", result: { nodes: 0, processes: 0, errors: [] } });
    const term = await DriverChannel.start();
    term.signal("SIGTERM");
    expect(await term.exited, term.stderr).toBe(0);
    expect(term.events.at(-1)).toMatchObject({ event: "stopped", reason: "signal 15" });
  }, 30_000);

  it("Mininet's cleanup (kills by name, deletes every OVS bridge) refuses to run", async () => {
    const script = [
      "import sys",
      "sys.dont_write_bytecode = True",
      `sys.path.insert(0, ${JSON.stringify(dirname(DRIVER_SCRIPT))})`,
      "from safety import make_mininet_safe, UnsafeMininetCall",
      "make_mininet_safe()",
      "import mininet.clean",
      "for f in (mininet.clean.cleanup, mininet.clean.Cleanup.cleanup, lambda: mininet.clean.killprocs('x')):",
      "    try:",
      "        f()",
      "        print('ran')",
      "    except UnsafeMininetCall as e:",
      "        print('refused:', e)",
    ].join("\n");
    const out = await new Promise<string>((resolve, reject) => execFile(MININET_PYTHON, ["-c", script], (err, stdout) => (err ? reject(err) : resolve(stdout))));
    expect(out.trim().split("\n")).toEqual([
      "refused: mininet.clean.cleanup is disabled in the GNF Lab driver: it kills processes by name and deletes every OVS bridge on the machine",
      "refused: mininet.clean.Cleanup.cleanup is disabled in the GNF Lab driver: it kills processes by name and deletes every OVS bridge on the machine",
      "refused: mininet.clean.killprocs is disabled in the GNF Lab driver: it kills processes by name and deletes every OVS bridge on the machine",
    ]);
  }, 30_000);
});
