/**
 * Commands the GNF Manager emits; a backend executes them and answers with events (see
 * `backend.ts` for which event answers which command). Every union member has a `type`
 * discriminator. Commands are plain data (JSON-serialisable).
 */
import type { TrafficSelector } from "./selector.ts";

/** Start a container vNF on a host. Answered by `vnf-started` or `vnf-failed` (same `vnfId`). */
export interface StartVnf {
  type: "start-vnf";
  /** Unique for the Manager's lifetime; a migration target gets a new id. */
  vnfId: string;
  /** vNF type name in the catalog (e.g. "ids", "firewall"). */
  vnfType: string;
  host: string;
  /** Type-specific parameters from the chain spec (e.g. firewall rules). */
  params: Record<string, unknown>;
  ue: string;
  chain: string;
}

/** Stop and remove a vNF's container. Answered by `vnf-stopped`. */
export interface StopVnf {
  type: "stop-vnf";
  vnfId: string;
  host: string;
}

/**
 * Copy a vNF's state to another instance of the same type (checkpoint of `fromVnfId`, which may
 * already be stopped under break-before-make). Answered by `state-transferred`.
 */
export interface TransferState {
  type: "transfer-state";
  fromVnfId: string;
  toVnfId: string;
  fromHost: string;
  toHost: string;
  /** State size from the vNF type catalog, bytes. */
  bytes: number;
}

/** One vNF on a chain's path, in traversal order. */
export interface SteeringHop {
  vnfId: string;
  host: string;
}

/**
 * Install (or update to) version `version` of a chain's steering: traffic of `ue` matching
 * `selector` entering at `accessNode` visits `hops` in order, then continues to its destination.
 * A newer version replaces every older one atomically. Answered by `steering-installed`.
 */
export interface InstallSteering {
  type: "install-steering";
  chain: string;
  /** 1, 2, 3 … per chain; strictly increasing. */
  version: number;
  ue: string;
  accessNode: string;
  hops: SteeringHop[];
  selector: TrafficSelector;
  /** Flow priority; the higher wins among overlapping selectors. */
  priority: number;
}

/** Remove every version of a chain's steering. Answered by `steering-removed`. */
export interface RemoveSteering {
  type: "remove-steering";
  chain: string;
  /** The newest version the Manager requested. */
  version: number;
}

/** Deliver `{ type: "timer", name }` at time `at` (seconds; immediately if `at` <= now). */
export interface SetTimer {
  type: "set-timer";
  name: string;
  at: number;
}

export type Command = StartVnf | StopVnf | TransferState | InstallSteering | RemoveSteering | SetTimer;

export type CommandType = Command["type"];
