/**
 * DeviceCgroup on a stand-in hierarchy (plain directories under a temporary root): the limits
 * written where the kernel reads them, and removal taking the empty child cgroups that runc leaves
 * after a failed create along with the parent, in every controller.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Teardown } from "../lab/teardown.ts";
import { standInCgroups } from "./cgroup-stand-in.ts";
import { DeviceCgroup } from "./device-cgroup.ts";

describe("DeviceCgroup", () => {
  const cgroups = standInCgroups();
  afterEach(cgroups.cleanup);
  const root = (): string => cgroups.make(["memory", "cpu", "blkio"]);

  it("writes the CPU quota (100 ms period) and the memory limit", async () => {
    const r = root();
    const t = new Teardown();
    const cg = await DeviceCgroup.create({ cpuQuotaCores: 0.2987, memoryLimitBytes: 64 * 2 ** 20 }, t, r);
    expect(cg.parent).toBe(`/${cg.name}`);
    expect(readFileSync(join(r, "cpu", cg.name, "cpu.cfs_quota_us"), "utf8")).toBe("29870");
    expect(readFileSync(join(r, "cpu", cg.name, "cpu.cfs_period_us"), "utf8")).toBe("100000");
    expect(readFileSync(join(r, "memory", cg.name, "memory.limit_in_bytes"), "utf8")).toBe(String(64 * 2 ** 20));
    rmSync(join(r, "cpu", cg.name), { recursive: true }); // (plain files would keep the stand-in busy)
    rmSync(join(r, "memory", cg.name), { recursive: true });
    await t.teardown();
  });

  it("removal takes empty children (a failed runc create's) and the parent from every controller", async () => {
    const r = root();
    const t = new Teardown();
    const cg = await DeviceCgroup.create({ cpuQuotaCores: null, memoryLimitBytes: null }, t, r);
    for (const c of ["memory", "cpu", "blkio"]) mkdirSync(join(r, c, cg.name, "cf51c9031f19"), { recursive: true });
    await t.teardown();
    for (const c of ["memory", "cpu", "blkio"]) expect(existsSync(join(r, c, cg.name))).toBe(false);
    await cg.remove(); // idempotent
  });
});
