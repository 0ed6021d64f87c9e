import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "./test-support.ts";

describe("gnf describe outputs", () => {
  it("lists every table and column and every metric with unit and meaning (exit 0)", async () => {
    const r = await runCli(["describe", "outputs"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    for (const table of ["ue_latency", "handovers", "handover_interruptions", "migrations", "core_utilisation", "connections", "vnf_lifecycle", "vnf_timings", "device_limits", "probe_flows", "forwarding_baseline", "rtt_samples"]) {
      expect(r.stdout).toContain(`\n${table}.csv — `);
    }
    expect(r.stdout).toMatch(/\n {2}core_bps +bit\/s +total bit rate on the core links from this sample on/);
    expect(r.stdout).toMatch(/\n {2}latency\.meanMs +ms +one-way flow latency/);
    expect(r.stdout).toMatch(/\n {2}instantiation\.<host>\.ready +count +container vNFs started on <host>/);
  });

  it("--markdown prints the section results/README.md holds", async () => {
    const r = await runCli(["describe", "outputs", "--markdown"]);
    expect(r.code).toBe(0);
    expect(readFileSync(new URL("../results/README.md", import.meta.url), "utf8")).toContain(r.stdout.trimEnd());
  });

  it("exits 2 for an unknown topic", async () => {
    expect((await runCli(["describe", "inputs"])).code).toBe(2);
  });
});
