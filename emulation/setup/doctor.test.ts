import { describe, expect, it } from "vitest";
import { labRequired } from "../lab/availability.ts";
import { formatDoctor, runDoctor } from "./doctor.ts";

describe("gnf emulation doctor", () => {
  it("formats one line a check, with the fix for what is missing", () => {
    expect(formatDoctor([{ name: "root", result: true }, { name: "Docker Engine", result: "Docker is not running: start dockerd" }])).toBe(
      "ok       root\nMISSING  Docker Engine: Docker is not running: start dockerd",
    );
  });

  it("checks every part of the lab, and on a lab machine finds nothing missing", async () => {
    const checks = await runDoctor();
    expect(checks.map((c) => c.name)).toEqual([
      "root",
      "network namespaces",
      "veth pairs",
      "Open vSwitch (userspace datapath)",
      "Docker Engine",
      "delay relay toolchain (gcc)",
      "Mininet 2.3 under /usr/bin/python3",
      "vNF images",
    ]);
    for (const c of checks) if (c.result !== true) expect(c.result).toMatch(/emulation:setup|gnf emulation|apt-get|run as root/);
    if (labRequired()) expect(checks.filter((c) => c.result !== true)).toEqual([]);
  });
});
