/**
 * The vNF shell scripts under busybox sh (the shell of the images): every script parses, and the
 * library's JSON escaping, rule counter parsing and indexed variables work. Skips without busybox.
 */
import { execFile } from "node:child_process";
import { chmod, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasCommand } from "../lab/run.ts";
import { VNF_KINDS } from "./catalog.ts";
import { SCRIPTS_DIR } from "./plans.ts";

const busybox = await hasCommand("busybox");
if (!busybox) console.warn("skipping vNF script tests: busybox is missing (apt-get install busybox-static)");

function sh(script: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile("busybox", ["sh", "-c", script], { env: { PATH: "/usr/bin:/bin", ...env }, encoding: "utf8" }, (error, stdout) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout });
    });
  });
}

const LIB = `. ${SCRIPTS_DIR}lib.sh`;

describe.runIf(busybox)("vNF shell scripts", () => {
  it("every script parses, and there is one entrypoint per vNF kind", async () => {
    const files = (await readdir(SCRIPTS_DIR)).filter((f) => f.endsWith(".sh"));
    for (const kind of VNF_KINDS) expect(files).toContain(`${kind}.sh`);
    for (const f of files) expect({ f, ...(await sh(`busybox sh -n ${SCRIPTS_DIR}${f}`)) }).toEqual({ f, code: 0, stdout: "" });
  });

  it("reports are single JSON lines with escaped strings", async () => {
    const { stdout } = await sh(`${LIB}; gnf_notify ids-alert "say \\"hi\\" \\\\ $(printf 'a\\tb')" '{"n":1}'; gnf_measure ping '{"x":2}' r7; gnf_fail 'bad "thing"'; echo never`);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual([
      { gnf: "notification", kind: "ids-alert", message: 'say "hi" \\ a b', data: { n: 1 } },
      { gnf: "measurement", kind: "ping", request: "r7", data: { x: 2 } },
      { gnf: "error", message: 'bad "thing"' },
    ]);
  });

  it("reads packet and byte counters of the rules tagged with a comment prefix", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gnf-sh-"));
    try {
      const fake = join(dir, "iptables");
      await writeFile(
        fake,
        `#!/bin/sh
cat <<'OUT'
Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
    pkts      bytes target     prot opt in     out     source               destination
      12     1800 DROP       0    --  *      *       10.0.0.3             0.0.0.0/0            /* gnf-ddos:10.0.0.3 */
       0        0            0    --  *      *       0.0.0.0/0            0.0.0.0/0            STRING match  "EVIL" ALGO name bm /* gnf-ids:evil */
       5      300 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0            /* other:x */
OUT
`,
      );
      await chmod(fake, 0o755);
      expect((await sh(`${LIB}; IPT=${fake}; gnf_rule_counters FORWARD gnf-ddos; gnf_rule_counters FORWARD gnf-ids`)).stdout).toBe("10.0.0.3 12 1800\nevil 0 0\n");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("lists indexed variables up to the first unset one, and rejects non-integers", async () => {
    expect((await sh(`${LIB}; gnf_indexed GNF_X`, { GNF_X_1: "a b", GNF_X_2: "", GNF_X_4: "d" })).stdout).toBe("a b\n\n");
    expect(await sh(`${LIB}; gnf_uint GNF_N 12; gnf_uint GNF_N 1.5`)).toEqual({ code: 1, stdout: '{"gnf":"error","message":"GNF_N must be a non-negative integer, got \\"1.5\\""}\n' });
    expect((await sh(`${LIB}; gnf_seconds 250`)).stdout).toBe("0.25");
  });
});
