/**
 * What the Manager knows (its network-wide view, paper §IV): UEs and where they are attached,
 * devices and their last reports, vNF instances, chains and their steering versions.
 */
import type { ChainSpec } from "./chains.ts";
import type { DeviceReport } from "./events.ts";
import type { Migration, MigrationReason } from "./migration.ts";

export type InstanceState = "starting" | "running" | "stopping" | "stopped" | "failed";

/** One container vNF the Manager asked for. */
export interface VnfInstance {
  id: string;
  type: string;
  host: string;
  chain: string;
  /** Position in the chain, 0-based. */
  slot: number;
  ue: string;
  params: Record<string, unknown>;
  state: InstanceState;
  /** Stop it as soon as it reports started (its chain no longer wants it). */
  stopWhenStarted: boolean;
  /** Keep its reservation after it stops (break-before-make holds the source for a rollback). */
  keepReservation: boolean;
  /** Why it failed, when it did. */
  failure?: string;
  /** The operator stopped it: its chain slot is bypassed and not re-placed until restarted. */
  operatorStopped?: boolean;
}

/**
 * waiting: requested, not placed (UE not attached, or no host had room; retried on later
 * triggers); starting: vNFs starting; active: all vNFs running and steering requested; stopped:
 * stopped because its UE left (stop-on-disconnect), restarted when it returns; failed: could not
 * start or recover; removing → removed: the operator removed it.
 */
export type ChainStatus = "waiting" | "starting" | "active" | "stopped" | "failed" | "removing" | "removed";

/** A re-placement trigger that arrived while the chain was busy; run when it is idle again. */
export interface PendingReplacement {
  reason: MigrationReason;
  /** Seconds. */
  triggerTime: number;
  /** Re-run placement (false: only re-steer to the UE's new access node). */
  relocate: boolean;
}

export interface ChainState {
  spec: ChainSpec;
  status: ChainStatus;
  /** Current instance id per slot (empty when not placed); an operator-stopped slot keeps its stopped instance. */
  slots: string[];
  /** Newest steering version requested (0 = none yet). */
  steeringVersion: number;
  /** Newest steering version reported installed (0 = none). */
  installedVersion: number;
  /** Access node of the newest steering requested. */
  accessNode?: string;
  /** Steering was requested since the last removal. */
  hasSteering: boolean;
  /** A remove-steering is outstanding. */
  steeringRemovalPending: boolean;
  migration?: Migration;
  pending?: PendingReplacement;
  /** Why it is waiting or failed. */
  failure?: string;
  /** Last latency observation, seconds. */
  lastLatencyS?: number;
}

export interface UeState {
  id: string;
  /** Device the UE is attached to, undefined while disconnected. */
  device?: string;
  /** dBm, from the last client event. */
  rssiDbm: number;
  /** Packet counter from the last client event. */
  packets: number;
}

export interface DeviceState {
  report: DeviceReport;
  /** When the last report arrived, seconds. */
  reportedAt: number;
  /** CPU utilisation (0..1) when this device last triggered (or first reported). */
  utilisationAtLastDecision: number;
}
