import { beforeAll, describe, expect, it } from "vitest";
import { RandomStream } from "../base/rng.ts";
import { groupRequests } from "./ilp/groups.ts";
import { loadHighs, solveSparse } from "./ilp/highs.ts";
import { buildRestrictedModel, hostRhs } from "./ilp/restricted-model.ts";
import {
  Residual,
  assertWithinCapacity,
  createLatencyIlp,
  createPlacer,
  nearestEdge,
  PLACER_CHOICES,
  PLACER_NAMES,
  placementConfigSchema,
  totalLatency,
  type HostState,
  type Placer,
  type PlacementProblem,
  type VnfRequest,
} from "./index.ts";

/**
 * A random instance: hosts on a line (the last one a big NFVI far away), access nodes at random
 * points, latency = distance in ms + 0.1 ms. `types` > 0 draws demands from that many vNF types
 * (so identical requests are grouped by the ILP); 0 draws continuous demands.
 */
function instance(seed: string, vnfs: number, hosts: number, tight = false, types = 0): PlacementProblem {
  const rng = new RandomStream(seed);
  const hostList: HostState[] = Array.from({ length: hosts }, (_, i) => ({
    id: `h${i}`,
    kind: i === hosts - 1 ? "nfvi" : "edge",
    cpuCapacity: i === hosts - 1 ? 8 : rng.uniform(tight ? 0.3 : 0.5, 1.5),
    memoryBytes: i === hosts - 1 ? 16e9 : rng.uniform(tight ? 5e6 : 8e6, 20e6),
    cpuUsed: 0,
    memoryUsed: 0,
  }));
  const position = new Map(hostList.map((h, i) => [h.id, i === hosts - 1 ? 50 : rng.uniform(0, 10)]));
  const catalogue = Array.from({ length: types }, () => ({ cpuDemand: rng.uniform(0.1, 0.6), memoryDemand: rng.uniform(2e6, 7e6) }));
  const requests: VnfRequest[] = Array.from({ length: vnfs }, (_, i) => {
    const access = `a${i % 3}`;
    if (!position.has(access)) position.set(access, rng.uniform(0, 10));
    const demand = types > 0 ? (catalogue[rng.integer(0, types - 1)] as { cpuDemand: number; memoryDemand: number }) : { cpuDemand: rng.uniform(0.1, 0.6), memoryDemand: rng.uniform(2e6, 7e6) };
    return { id: `v${i}`, ue: `ue${i}`, accessNode: access, ...demand };
  });
  return { hosts: hostList, requests, latencyS: (a, h) => Math.abs((position.get(a) as number) - (position.get(h) as number)) * 1e-3 + 1e-4 };
}

/** Exhaustive search: the most vNFs placeable, then the least total latency (seconds). */
function bruteForce(problem: PlacementProblem): { placed: number; latencyS: number } {
  const n = problem.requests.length;
  let best = { placed: -1, latencyS: Infinity };
  const cpu = problem.hosts.map((h) => h.cpuCapacity - h.cpuUsed);
  const mem = problem.hosts.map((h) => h.memoryBytes - h.memoryUsed);
  const recurse = (v: number, placed: number, sum: number): void => {
    if (v === n) {
      if (placed > best.placed || (placed === best.placed && sum < best.latencyS)) best = { placed, latencyS: sum };
      return;
    }
    const r = problem.requests[v] as VnfRequest;
    problem.hosts.forEach((h, i) => {
      const l = problem.latencyS(r.accessNode, h.id);
      if ((cpu[i] as number) + 1e-9 < r.cpuDemand || (mem[i] as number) < r.memoryDemand || (r.maxLatencyS !== undefined && l > r.maxLatencyS)) return;
      cpu[i] = (cpu[i] as number) - r.cpuDemand;
      mem[i] = (mem[i] as number) - r.memoryDemand;
      recurse(v + 1, placed + 1, sum + l);
      cpu[i] = (cpu[i] as number) + r.cpuDemand;
      mem[i] = (mem[i] as number) + r.memoryDemand;
    });
    recurse(v + 1, placed, sum); // leave v unplaced
  };
  recurse(0, 0, 0);
  return best;
}

let ilp: Placer;
let ilpOneCandidate: Placer;
beforeAll(async () => {
  ilp = await createLatencyIlp();
  ilpOneCandidate = await createLatencyIlp({ initialCandidates: 1 });
});

describe("latency-ilp", () => {
  it("equals exhaustive search (most vNFs placed, then least latency) on 6 vNFs × 4 hosts, 30 seeds", () => {
    let fullyPlaced = 0;
    for (let s = 0; s < 30; s++) {
      const problem = instance(`ilp-${s}`, 6, 4, true, s % 3 === 0 ? 2 : 0);
      // A 2 ms bound on every other vNF exercises the latency constraint.
      problem.requests.forEach((r, i) => {
        if (i % 2 === 1) r.maxLatencyS = 2e-3;
      });
      const optimum = bruteForce(problem);
      const placement = ilp.place(problem);
      assertWithinCapacity(problem, placement);
      expect(placement.stats.optimal).toBe(true);
      expect(placement.stats.mipGap).toBe(0);
      expect(placement.assignment.size).toBe(optimum.placed);
      expect(placement.infeasible.length).toBe(6 - optimum.placed);
      expect(placement.totalLatencyS).toBeCloseTo(optimum.latencyS, 9);
      if (optimum.placed === 6) fullyPlaced++;
    }
    expect(fullyPlaced).toBe(8);
  });

  it("column generation is exact: starting from 1 candidate per group gives the same optimum as from 8", () => {
    for (let s = 0; s < 8; s++) {
      const problem = instance(`cg-${s}`, 24, 8, true, 3);
      const a = ilp.place(problem);
      const b = ilpOneCandidate.place(problem);
      assertWithinCapacity(problem, b);
      expect(b.assignment.size).toBe(a.assignment.size);
      expect(b.totalLatencyS).toBeCloseTo(a.totalLatencyS, 9);
      expect(b.stats.variables).toBeLessThanOrEqual(b.stats.fullVariables as number);
    }
  });

  it("matches a direct HiGHS solve of the full model on a 24 vNF × 12 host instance", async () => {
    const problem = instance("full-model", 24, 12);
    const p = ilpOneCandidate.place(problem);
    assertWithinCapacity(problem, p);
    const residual = new Residual(problem.hosts);
    const groups = groupRequests(problem, residual);
    const all = groups.map((g) => new Uint8Array(g.candidates.length).fill(1));
    const full = buildRestrictedModel(groups, all, hostRhs(problem.hosts, residual.cpu, residual.memory), 24 * 60e3 + 1);
    expect(full.model.numCols).toBe(24 * 12 + 24);
    const direct = solveSparse(await loadHighs(), full.model, true, 60);
    expect(direct.status).toBe("optimal");
    expect(p.infeasible.length).toBe(0);
    expect(p.totalLatencyS * 1e6).toBeCloseTo(direct.objective, 3);
    expect(p.stats.variables).toBeLessThan(24 * 12);
  });

  it("groups identical requests and reports its statistics", () => {
    const problem = instance("stats", 30, 6, false, 2);
    const p = ilp.place(problem);
    expect(p.stats).toMatchObject({ algorithm: "latency-ilp", optimal: true, mipGap: 0, solveSeconds: 0 });
    // 3 access nodes × 2 types = 6 groups × 6 hosts.
    expect(p.stats.fullVariables).toBe(36);
    expect(p.stats.objectiveS).toBe(p.totalLatencyS);
    expect(p.totalLatencyS).toBeCloseTo(0.844401034214, 12);
  });

  it("measures solve time with an injected clock", async () => {
    let t = 10;
    const timed = await createLatencyIlp({ clock: () => (t += 0.25) });
    expect(timed.place(instance("clock", 6, 4)).stats.solveSeconds).toBe(0.25);
  });

  it("respects latency bounds and explains infeasible requests", () => {
    const problem = instance("bounds", 3, 3);
    problem.requests[0]!.maxLatencyS = 5e-5;
    const placement = ilp.place(problem);
    expect(placement.infeasible).toEqual([{ vnf: "v0", reason: "no host within 0.05 ms of a0 (nearest: h1 at 0.65 ms)" }]);
    expect(placement.assignment.size).toBe(2);
  });

  it("places as many as the capacities allow and says why the rest did not fit", () => {
    const hosts: HostState[] = [{ id: "edge-1", kind: "edge", cpuCapacity: 0.25, memoryBytes: 1e9, cpuUsed: 0, memoryUsed: 0 }];
    const requests: VnfRequest[] = [0, 1, 2].map((i) => ({ id: `fw-${i}`, ue: "phone", accessNode: "cell-12", cpuDemand: 0.1, memoryDemand: 20e6, maxLatencyS: 5e-3 }));
    const p = ilp.place({ hosts, requests, latencyS: () => 1e-3 });
    expect([...p.assignment]).toEqual([
      ["fw-0", "edge-1"],
      ["fw-1", "edge-1"],
    ]);
    expect(p.infeasible).toEqual([{ vnf: "fw-2", reason: "no host with 20.00 MB memory and 0.10 reference cores free within 5.00 ms of cell-12 (1 host in range, all full) once the other vNFs are placed (capacity exhausted)" }]);
  });

  it("counts capacity already in use", () => {
    const hosts: HostState[] = [
      { id: "edge", kind: "edge", cpuCapacity: 1, memoryBytes: 10e6, cpuUsed: 0.5, memoryUsed: 6e6 },
      { id: "nfvi", kind: "nfvi", cpuCapacity: 8, memoryBytes: 1e9, cpuUsed: 0, memoryUsed: 0 },
    ];
    const requests: VnfRequest[] = [0, 1].map((i) => ({ id: `v${i}`, ue: "u", accessNode: "a", cpuDemand: 0.2, memoryDemand: 3e6 }));
    const p = ilp.place({ hosts, requests, latencyS: (_a, h) => (h === "edge" ? 1e-4 : 5e-3) });
    expect([...p.assignment.values()]).toEqual(["edge", "nfvi"]);
  });
});

describe("every algorithm", () => {
  it("never exceeds a host's capacity, accounts for every request and is deterministic", async () => {
    for (const name of PLACER_NAMES) {
      for (let s = 0; s < 8; s++) {
        const problem = instance(`cap-${name}-${s}`, 12, 5, true);
        const placement = (await createPlacer(name, 3)).place(problem);
        assertWithinCapacity(problem, placement);
        expect(placement.assignment.size + placement.infeasible.length).toBe(12);
        const again = (await createPlacer(name, 3)).place(problem);
        expect([...again.assignment]).toEqual([...placement.assignment]);
      }
    }
  });

  it("the ILP is never worse than any heuristic that places everything", async () => {
    let compared = 0;
    for (let s = 0; s < 8; s++) {
      const problem = instance(`cmp-${s}`, 10, 5);
      const best = ilp.place(problem).totalLatencyS;
      for (const name of ["nearest-edge", "first-fit", "best-fit", "central-only", "random"] as const) {
        const p = (await createPlacer(name, s)).place(problem);
        if (p.infeasible.length > 0) continue;
        expect(best).toBeLessThanOrEqual(totalLatency(problem, p.assignment) + 1e-12);
        compared++;
      }
    }
    expect(compared).toBe(40);
  });

  it("the random placer depends on its seed", async () => {
    const problem = instance("seeded", 12, 5);
    const a = [...(await createPlacer("random", 1)).place(problem).assignment.values()];
    const b = [...(await createPlacer("random", 2)).place(problem).assignment.values()];
    expect(a).not.toEqual(b);
  });

  it("assertWithinCapacity catches an over-full host", () => {
    const problem = instance("overfull", 3, 2);
    problem.hosts[0]!.cpuCapacity = 0.1;
    expect(() => assertWithinCapacity(problem, { assignment: new Map([["v0", "h0"]]), infeasible: [], totalLatencyS: 0, stats: { algorithm: "test" } })).toThrow("placement exceeds the capacity of h0 with v0");
  });
});

describe("nearest-edge (GNF's rule)", () => {
  const hosts: HostState[] = [
    { id: "home-1", kind: "edge", cpuCapacity: 0.3, memoryBytes: 5e6, cpuUsed: 0, memoryUsed: 0 },
    { id: "home-2", kind: "edge", cpuCapacity: 0.3, memoryBytes: 5e6, cpuUsed: 0, memoryUsed: 0 },
    { id: "nfvi", kind: "nfvi", cpuCapacity: 4, memoryBytes: 16e9, cpuUsed: 0, memoryUsed: 0 },
  ];
  const latency: Record<string, number> = { "home-1": 0.0001, "home-2": 0.002, nfvi: 0.005 };
  const req = (i: number): VnfRequest => ({ id: `v${i}`, ue: "phone", accessNode: "home-1", cpuDemand: 0.1, memoryDemand: 2.21e6 });

  it("picks the closest edge device with room, then the next, then the central NFVI", () => {
    const problem: PlacementProblem = { hosts, requests: [0, 1, 2, 3, 4].map(req), latencyS: (_a, h) => latency[h] as number };
    const p = nearestEdge().place(problem);
    expect([...p.assignment.values()]).toEqual(["home-1", "home-1", "home-2", "home-2", "nfvi"]);
  });

  it("prefers an edge device over a nearer NFVI, and skips edges outside the bound", () => {
    const problem: PlacementProblem = { hosts, requests: [{ ...req(0), maxLatencyS: 1e-3 }, req(1)], latencyS: (_a, h) => ({ "home-1": 0.003, "home-2": 0.004, nfvi: 0.0005 })[h] as number };
    const p = nearestEdge().place(problem);
    expect([...p.assignment]).toEqual([
      ["v0", "nfvi"],
      ["v1", "home-1"],
    ]);
  });

  it("reports a request nothing can take", () => {
    const problem: PlacementProblem = { hosts: hosts.slice(0, 1), requests: [{ ...req(0), memoryDemand: 6e6 }], latencyS: () => 0.0001 };
    expect(nearestEdge().place(problem).infeasible).toEqual([{ vnf: "v0", reason: "no host with 6.00 MB memory and 0.10 reference cores free (1 reachable host is full)" }]);
  });
});

describe("registry and configuration", () => {
  it("the schema's algorithm names are the registry's", () => {
    expect([...PLACER_CHOICES].sort()).toEqual([...PLACER_NAMES].sort());
  });

  it("fills defaults and rejects unknown keys and names", () => {
    expect(placementConfigSchema.parse({})).toEqual({ algorithm: "nearest-edge", ilp: { initialCandidates: 8, timeLimitS: 60 }, replacement: { policy: "static", periodSlots: 10, toleratedViolations: 10 }, latencyBounds: {} });
    expect(() => placementConfigSchema.parse({ algoritm: "latency-ilp" })).toThrow(/algoritm/);
    expect(() => placementConfigSchema.parse({ algorithm: "optimal" })).toThrow(/nearest-edge/);
    expect(() => placementConfigSchema.parse({ replacement: { policy: "ost", toleratedViolations: 0 } })).toThrow(/toleratedViolations/);
  });

  it("an unknown placer name is a clear error", async () => {
    await expect(createPlacer("optimal" as never)).rejects.toThrow('unknown placement algorithm "optimal"; expected one of nearest-edge, central-only, first-fit, best-fit, random, latency-ilp');
  });
});
