/**
 * `gnf bench placement`: `latency-ilp` with N vNFs (default 1,000) on the 125 EUA Melbourne CBD
 * sites plus the central NFVI, solved to proven optimality (target ≤ 2 s), and `nearest-edge`
 * microseconds per decision on the same instance (target ≤ 50 µs).
 *
 * Instance: the EUA topology (`importEuaMelbourne`, NEXCOM CPS 200 gateways at the sites), one-way
 * shortest-path delays from `latencyMatrix`; vNF i belongs to generated EUA user i mod 816, whose
 * access node is the nearest site (haversine); its type is drawn (seeded) from a three-entry
 * catalogue, so some busy sites overflow and the choice of neighbour matters.
 */
import { loadDeviceCapacities } from "../../topologies/devices/index.ts";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BenchDefinition } from "./types.ts";
import { parsePositiveInt } from "../parse.ts";
import { RandomStream } from "../../base/rng.ts";
import { haversineM, hostCapacities, importEuaMelbourne, latencyMatrix, parseCsv, PathFinder, type LatLon } from "../../topologies/index.ts";
import { assertWithinCapacity, createLatencyIlp, nearestEdge, type HostState, type PlacementProblem, type VnfRequest } from "../../placement/index.ts";

/** vNF types of the bench: CPU in reference cores, memory in bytes, one-way latency bound in seconds. */
const BENCH_VNF_TYPES = [
  { type: "firewall", cpuDemand: 0.05, memoryDemand: 2.21e6, maxLatencyS: 2e-3 },
  { type: "dpi", cpuDemand: 0.1, memoryDemand: 16e6, maxLatencyS: 5e-3 },
  { type: "cache", cpuDemand: 0.2, memoryDemand: 64e6 },
] as const;

const USERS_CSV = fileURLToPath(new URL("../../topologies/data/eua/users-melbcbd-generated.csv", import.meta.url));

/** The bench instance with `vnfs` requests (deterministic for a seed). */
export function melbournePlacementProblem(vnfs: number, seed: string): PlacementProblem {
  const topology = importEuaMelbourne();
  const capacities = hostCapacities(topology, loadDeviceCapacities());
  const hosts: HostState[] = [...capacities.values()].map((c) => ({ id: c.id, kind: c.id === "nfvi" ? "nfvi" : "edge", cpuCapacity: c.cpuCapacity, memoryBytes: c.vnfMemoryBytes, cpuUsed: 0, memoryUsed: 0 }));
  const matrix = latencyMatrix(new PathFinder(topology));
  const sites = topology.nodes.filter((n) => n.role === "edge") as (LatLon & { id: string })[];
  const users = parseCsv(readFileSync(USERS_CSV, "utf8")).map((row) => ({ lat: Number(row["Latitude"]), lon: Number(row["Longitude"]) }));
  const accessOf = users.map((u) => {
    let best = sites[0] as { id: string } & LatLon;
    for (const s of sites) if (haversineM(u, s) < haversineM(u, best)) best = s;
    return best.id;
  });
  const rng = new RandomStream(seed);
  const requests: VnfRequest[] = Array.from({ length: vnfs }, (_, i) => {
    const t = rng.choice(BENCH_VNF_TYPES, [0.5, 0.3, 0.2]);
    const r: VnfRequest = { id: `${t.type}-${i}`, ue: `user-${i % users.length}`, accessNode: accessOf[i % users.length] as string, cpuDemand: t.cpuDemand, memoryDemand: t.memoryDemand };
    if ("maxLatencyS" in t) r.maxLatencyS = t.maxLatencyS;
    return r;
  });
  return { hosts, requests, latencyS: (a, h) => matrix.delayS(a, h) };
}

const wallClockS = (): number => performance.now() / 1000;

export const placementBench: BenchDefinition = {
  name: "placement",
  description: "latency-ilp on the 125 EUA Melbourne sites (solved to optimality) and nearest-edge µs per decision",
  options: [
    { flags: "--vnfs <n>", description: "vNFs to place", defaultValue: "1000" },
    { flags: "--rounds <n>", description: "nearest-edge repetitions (fresh problem each, so host orderings are recomputed)", defaultValue: "20" },
  ],
  inAll: true,
  async run(options) {
    const vnfs = parsePositiveInt(options["vnfs"] ?? "1000", "--vnfs");
    const rounds = parsePositiveInt(options["rounds"] ?? "20", "--rounds");
    const ilp = await createLatencyIlp({ clock: wallClockS });
    const problem = melbournePlacementProblem(vnfs, "bench/placement");
    const optimal = ilp.place(problem);
    assertWithinCapacity(problem, optimal);
    let heuristic = optimal;
    let nearestSeconds = 0;
    for (let round = 0; round < rounds; round++) {
      const fresh = { ...problem };
      const t = wallClockS();
      heuristic = nearestEdge().place(fresh);
      nearestSeconds += wallClockS() - t;
    }
    assertWithinCapacity(problem, heuristic);
    return {
      vnfs,
      hosts: problem.hosts.length,
      ilpSeconds: optimal.stats.solveSeconds,
      ilpOptimal: optimal.stats.optimal,
      mipGap: optimal.stats.mipGap,
      objectiveMs: (optimal.stats.objectiveS ?? NaN) * 1000,
      ilpVariables: optimal.stats.variables,
      ilpFullVariables: optimal.stats.fullVariables,
      ilpSolves: optimal.stats.solves,
      ilpUnplaced: optimal.infeasible.length,
      nearestEdgeMicrosPerDecision: (nearestSeconds * 1e6) / (rounds * vnfs),
      nearestEdgeTotalLatencyMs: heuristic.totalLatencyS * 1000,
      nearestEdgeUnplaced: heuristic.infeasible.length,
    };
  },
  describe(r) {
    return (
      `placement: latency-ilp ${r["vnfs"]} vNFs on ${r["hosts"]} hosts ${r["ilpOptimal"] ? "solved to optimality" : "NOT solved to optimality"} in ${Number(r["ilpSeconds"]).toFixed(2)} s ` +
      `(total latency ${Number(r["objectiveMs"]).toFixed(2)} ms, gap ${r["mipGap"]}, ${r["ilpVariables"]} of ${r["ilpFullVariables"]} columns, ${r["ilpSolves"]} HiGHS solves); ` +
      `nearest-edge ${Number(r["nearestEdgeMicrosPerDecision"]).toFixed(2)} µs per decision (total ${Number(r["nearestEdgeTotalLatencyMs"]).toFixed(2)} ms)`
    );
  },
};
