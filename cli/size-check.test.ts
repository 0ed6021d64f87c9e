import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./test-support.ts";

const DEFAULT = fileURLToPath(new URL("../scenarios/default.yaml", import.meta.url));
const BAD = fileURLToPath(new URL("../scenarios/testdata/bad/", import.meta.url));

describe("gnf check / run refuse what would not run as meant", () => {
  it("check and run refuse duration: 1e12 with exit 2 and the keys that drive it; run writes nothing", async () => {
    const check = await runCli(["check", DEFAULT, "--set", "duration=1e12"]);
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/^gnf: scenario "default-roaming" is too large to run here: .*days of wall time.*duration \(1000000000000 s\).*--allow-long-run to run it anyway\n$/s);
    expect(check.stderr).not.toContain("    at ");
    const out = join(mkdtempSync(join(tmpdir(), "gnf-size-")), "run");
    const run = await runCli(["run", DEFAULT, "--set", "duration=1e12", "--out", out, "-q"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(check.stderr);
    expect(existsSync(out)).toBe(false);
  });

  it("check accepts it with --allow-long-run, with a warning and the estimate", async () => {
    const r = await runCli(["check", DEFAULT, "--set", "duration=1e12", "--allow-long-run"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^gnf: warning: a long run: estimated work: /);
    expect(r.stdout).toMatch(/\nestimated work: 1\.0e\+12 UE-seconds, 2\.0e\+12 mobility steps/);
  });

  it("check: a chain after the end of a run shortened by --set is a warning on stderr, exit 0", async () => {
    const fig4 = fileURLToPath(new URL("../scenarios/fig4-roaming.yaml", import.meta.url));
    const r = await runCli(["check", fig4, "--set", "duration=20"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `gnf: warning: ${fig4}:83:9: chains[1].at: expected a time before the end of the run (20 s, the duration), found 27 s (a warning only: set on purpose by --set duration=20)\n` +
        `gnf: warning: ${fig4}:70:81: ues.mobility.stagger: expected every UE to start walking within the run, but ue-1 starts at 25 s ((ues.count − 1) × stagger), after the end (20 s, the duration) (a warning only: set on purpose by --set duration=20)\n`,
    );
  });

  it("check: exit 2 for a chain with an unknown vNF type or UE, at the line and column", async () => {
    for (const [file, message] of [
      ["20-unknown-vnf-type.yaml", ':5:33: chains[0].vnfs[0]: unknown vNF type "firewal" (did you mean "firewall"?)'],
      ["21-unknown-ue.yaml", ':5:20: chains[0].ue: unknown UE "ue-5" (did you mean "ue-1"?)'],
    ] as const) {
      const r = await runCli(["check", join(BAD, file)]);
      expect(r.code).toBe(2);
      expect(r.stderr.startsWith(`gnf: ${join(BAD, file)}${message}`)).toBe(true);
    }
  });
});
