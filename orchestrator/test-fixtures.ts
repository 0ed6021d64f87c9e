/**
 * Shared fixtures for the orchestrator tests: two edge devices and a central NFVI, a latency
 * matrix, a two-type catalog, and a Manager wired to a FakeBackend through runLoop.
 */
import { nearestEdge } from "../placement/index.ts";
import type { Placement, PlacementProblem, Placer } from "../placement/index.ts";
import { runLoop } from "./backend.ts";
import type { ChainSpec } from "./chains.ts";
import type { ManagerConfig } from "./config.ts";
import { FakeBackend, type FakeBackendOptions } from "./fake-backend.ts";
import { Manager, type ReplacementTrigger } from "./manager.ts";
import type { HostSpec, VnfDemandCatalog } from "./types.ts";

export const HOSTS: HostSpec[] = [
  { id: "edge-1", kind: "edge", cpuCapacity: 2, memoryBytes: 32e6 },
  { id: "edge-2", kind: "edge", cpuCapacity: 2, memoryBytes: 32e6 },
  { id: "nfvi", kind: "nfvi", cpuCapacity: 16, memoryBytes: 16e9 },
];

/** One-way seconds: 1 ms to the own device, 5 ms to the other edge, 20 ms to the NFVI. */
export function latencyS(access: string, host: string): number {
  if (host === "nfvi") return 0.02;
  return access === host ? 0.001 : 0.005;
}

export const CATALOG: VnfDemandCatalog = {
  firewall: { cpu: 0.25, memoryBytes: 2.5e6, stateBytes: 64000 },
  ids: { cpu: 0.5, memoryBytes: 6e6, stateBytes: 1000000 },
};

/** Delays with exact binary fractions so times compare exactly. */
export const DELAYS = { start: 1, stop: 0.5, transfer: 2, steering: 0.125, removeSteering: 0.125 };

export const CHAIN: ChainSpec = {
  id: "c1",
  ue: "ue-1",
  vnfs: [
    { type: "firewall", params: {} },
    { type: "ids", params: {} },
  ],
  match: { eth_src: "02:00:00:00:00:01", ip_proto: 6, tcp_dst: 80 },
  priority: 100,
};

/** A placer that records every problem it was given. */
export class SpyPlacer implements Placer {
  readonly name = "spy";
  readonly problems: PlacementProblem[] = [];
  constructor(private readonly inner: Placer = nearestEdge()) {}
  place(problem: PlacementProblem): Placement {
    this.problems.push(problem);
    return this.inner.place(problem);
  }
}

export interface Rig {
  manager: Manager;
  backend: FakeBackend;
  placer: SpyPlacer;
}

export function rig(config: Partial<ManagerConfig> = {}, backendOptions: FakeBackendOptions = {}, extra: { hosts?: HostSpec[]; trigger?: ReplacementTrigger } = {}): Rig {
  const placer = new SpyPlacer();
  const options = { hosts: extra.hosts ?? HOSTS, catalog: CATALOG, latencyS, placer, config };
  const manager = new Manager(extra.trigger ? { ...options, replacementTrigger: extra.trigger } : options);
  const backend = new FakeBackend({ delays: DELAYS, ...backendOptions });
  runLoop(manager, backend);
  return { manager, backend, placer };
}

/** UE connects to edge-1 at 0, chain c1 requested at 1, run until settled. */
export function activeChain(r: Rig): void {
  r.backend.inject(0, { type: "ue-connected", ue: "ue-1", device: "edge-1", rssiDbm: -50 });
  r.backend.inject(1, { type: "chain-requested", chain: CHAIN });
  r.backend.run();
}
