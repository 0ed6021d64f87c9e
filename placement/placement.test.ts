import { beforeAll, describe, expect, it } from "vitest";
import { RandomStream } from "../sim/engine/rng.ts";
import { assertWithinCapacity, createLatencyIlp, createPlacer, nearestEdge, PLACER_NAMES, totalLatency, type Placer, type PlacementProblem, type HostState, type VnfRequest } from "./index.ts";

/** A random instance: hosts on a line, access nodes at random points, latency = distance. */
function instance(seed: string, vnfs: number, hosts: number, tight = false): PlacementProblem {
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
  const requests: VnfRequest[] = Array.from({ length: vnfs }, (_, i) => {
    const access = `a${i % 3}`;
    position.set(access, rng.uniform(0, 10));
    return { id: `v${i}`, ue: `ue${i}`, accessNode: access, cpuDemand: rng.uniform(0.1, 0.6), memoryDemand: rng.uniform(2e6, 7e6) };
  });
  return { hosts: hostList, requests, latencyS: (a, h) => Math.abs((position.get(a) as number) - (position.get(h) as number)) * 1e-3 + 1e-4 };
}

/** Exhaustive search for the minimum total latency (or Infinity if nothing fits). */
function bruteForce(problem: PlacementProblem): number {
  const n = problem.requests.length;
  let best = Infinity;
  const cpu = problem.hosts.map((h) => h.cpuCapacity - h.cpuUsed);
  const mem = problem.hosts.map((h) => h.memoryBytes - h.memoryUsed);
  const recurse = (v: number, sum: number): void => {
    if (sum >= best) return;
    if (v === n) {
      best = sum;
      return;
    }
    const r = problem.requests[v] as VnfRequest;
    problem.hosts.forEach((h, i) => {
      if ((cpu[i] as number) + 1e-9 < r.cpuDemand || (mem[i] as number) < r.memoryDemand) return;
      cpu[i] = (cpu[i] as number) - r.cpuDemand;
      mem[i] = (mem[i] as number) - r.memoryDemand;
      recurse(v + 1, sum + problem.latencyS(r.accessNode, h.id));
      cpu[i] = (cpu[i] as number) + r.cpuDemand;
      mem[i] = (mem[i] as number) + r.memoryDemand;
    });
  };
  recurse(0, 0);
  return best;
}

let ilp: Placer;
beforeAll(async () => {
  ilp = await createLatencyIlp();
});

describe("latency-ilp", () => {
  it("finds the exhaustive-search optimum on small random instances", () => {
    let compared = 0;
    for (let s = 0; s < 25; s++) {
      const problem = instance(`ilp-${s}`, 6, 4, s % 2 === 0);
      const optimum = bruteForce(problem);
      const placement = ilp.place(problem);
      if (optimum === Infinity) {
        expect(placement.infeasible.length).toBeGreaterThan(0);
        continue;
      }
      assertWithinCapacity(problem, placement);
      expect(placement.infeasible).toEqual([]);
      expect(placement.totalLatencyS).toBeCloseTo(optimum, 12);
      compared++;
    }
    expect(compared).toBeGreaterThan(15);
  });

  it("respects latency bounds and explains infeasible requests", () => {
    const problem = instance("bounds", 3, 3);
    problem.requests[0]!.maxLatencyS = 1e-9;
    const placement = ilp.place(problem);
    expect(placement.infeasible).toEqual([{ vnf: "v0", reason: expect.stringMatching(/^no host with \d+\.\d\d MB memory and [\d.]+ reference cores free within 0\.00 ms of a0$/) as unknown as string }]);
    expect(placement.assignment.size).toBe(2);
  });
});

describe("every algorithm", () => {
  it("never exceeds a host's capacity and is deterministic", async () => {
    for (const name of PLACER_NAMES) {
      for (let s = 0; s < 10; s++) {
        const problem = instance(`cap-${name}-${s}`, 12, 5, true);
        const placement = (await createPlacer(name, 3)).place(problem);
        assertWithinCapacity(problem, placement);
        expect(placement.assignment.size + placement.infeasible.length).toBe(12);
        const again = (await createPlacer(name, 3)).place(problem);
        expect([...again.assignment]).toEqual([...placement.assignment]);
      }
    }
  });

  it("the ILP is never worse than the heuristics when all of them place everything", async () => {
    for (let s = 0; s < 10; s++) {
      const problem = instance(`cmp-${s}`, 10, 5);
      const best = ilp.place(problem).totalLatencyS;
      for (const name of ["nearest-edge", "first-fit", "best-fit", "central-only"] as const) {
        const p = (await createPlacer(name)).place(problem);
        if (p.infeasible.length === 0) expect(best).toBeLessThanOrEqual(totalLatency(problem, p.assignment) + 1e-12);
      }
    }
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

  it("reports a request nothing can take", () => {
    const problem: PlacementProblem = { hosts: hosts.slice(0, 1), requests: [{ ...req(0), memoryDemand: 6e6 }], latencyS: () => 0.0001 };
    expect(nearestEdge().place(problem).infeasible).toEqual([{ vnf: "v0", reason: "no host with 6.00 MB memory and 0.1 reference cores free" }]);
  });
});
