/**
 * Events the GNF Manager consumes (DESIGN.md "one orchestrator, two worlds"). A backend (the DES
 * or the Docker/OVS emulation) delivers them; the Manager answers each with commands. Events carry
 * no timestamp: time arrives as `now` (seconds) beside the event.
 *
 * Every union member has a `type` discriminator.
 */
import type { ChainSpec } from "./chains.ts";
import type { MigrationMode } from "./config.ts";

/** A UE associated with an edge device (HostAPD "AP-STA-CONNECTED"). */
export interface UeConnected {
  type: "ue-connected";
  ue: string;
  /** The edge device (access node) the UE associated with. */
  device: string;
  /** Received signal strength at association, dBm. */
  rssiDbm: number;
  /** Packets the UE sent since it associated (HostAPD per-station counter); 0 at association. */
  packets?: number;
}

/** A UE left the network (HostAPD "AP-STA-DISCONNECTED" without a new association). */
export interface UeDisconnected {
  type: "ue-disconnected";
  ue: string;
  device: string;
  rssiDbm: number;
  /** Packets the UE sent through `device` since it associated there. */
  packets: number;
}

/** A UE roamed from one edge device to another. */
export interface UeHandover {
  type: "ue-handover";
  ue: string;
  from: string;
  to: string;
  /** Signal strength at the new device, dBm. */
  rssiDbm: number;
  /** Packets the UE sent through `from` since it associated there. */
  packets: number;
}

/** A periodic report from a device's Agent (Linux kernel statistics, HostAPD station list). */
export interface DeviceReport {
  type: "device-report";
  device: string;
  /** CPU utilisation of the whole device, 0..1. */
  cpuUtilisation: number;
  /** Memory in use on the device, bytes. */
  memoryUsedBytes: number;
  /** Memory of the device, bytes. */
  memoryBytes: number;
  /** Associated Wi-Fi clients. */
  clients: number;
}

/** Answer to `start-vnf`: the container runs and forwards. */
export interface VnfStarted {
  type: "vnf-started";
  vnfId: string;
  host: string;
}

/** Answer to `stop-vnf`: the container is gone and its resources are free. */
export interface VnfStopped {
  type: "vnf-stopped";
  vnfId: string;
  host: string;
}

/** A `start-vnf` that could not complete, or a running vNF that died. Its resources are free. */
export interface VnfFailed {
  type: "vnf-failed";
  vnfId: string;
  host: string;
  reason: string;
}

/** Answer to `transfer-state`: the target instance holds the source instance's state. */
export interface StateTransferred {
  type: "state-transferred";
  fromVnfId: string;
  toVnfId: string;
  /** Bytes carried, bytes. */
  bytes: number;
}

/** Answer to `install-steering`: every flow entry of that chain version is in place (barrier). */
export interface SteeringInstalled {
  type: "steering-installed";
  chain: string;
  version: number;
}

/** Answer to `remove-steering`: no flow entry of the chain is left. */
export interface SteeringRemoved {
  type: "steering-removed";
  chain: string;
  version: number;
}

/** What a vNF tells the operator about; open-ended beyond the well-known kinds. */
export type NotificationKind = "ids-alert" | "attack-detected" | "measurement-done" | "info" | (string & {});

/** A vNF raised a notification about a UE's traffic (relayed by its Agent). */
export interface VnfNotification {
  type: "notification";
  vnf: string;
  ue: string;
  kind: NotificationKind;
  message: string;
  data?: Record<string, unknown>;
}

/** The operator (UI/REST) asks for a chain on a UE's traffic. */
export interface ChainRequested {
  type: "chain-requested";
  chain: ChainSpec;
}

/** The operator removes a chain: its vNFs are stopped and its steering removed. */
export interface ChainRemoved {
  type: "chain-removed";
  chain: string;
}

/**
 * The operator stops one running vNF of an active chain. The chain stays active: its steering is
 * re-installed without the vNF (its traffic bypasses it) and the container is stopped. The slot
 * stays stopped through later re-placements until `vnf-start-requested`. Ignored (no commands)
 * when `Manager.operatorRefusal` refuses it at handling time.
 */
export interface VnfStopRequested {
  type: "vnf-stop-requested";
  vnfId: string;
}

/**
 * The operator restarts a vNF it stopped: a new instance (new id, no state) of the same type on
 * `host` (default: the host it ran on), re-steered into the chain once it runs. Recorded as a migration with
 * reason "operator-restart" (a state-lost move, like a crash recovery); if the new instance fails,
 * the slot stays stopped and the chain keeps running without it.
 */
export interface VnfStartRequested {
  type: "vnf-start-requested";
  /** The stopped instance (the chain slot it held is restarted). */
  vnfId: string;
  host?: string;
}

/**
 * The operator migrates a running vNF to `host` with the migration procedure (`mode`, default the
 * Manager's `migration` policy); recorded with reason "operator". Later triggers may re-place it.
 */
export interface VnfMigrationRequested {
  type: "vnf-migration-requested";
  vnfId: string;
  host: string;
  mode?: MigrationMode;
}

/** A timer set with `set-timer` fired. */
export interface TimerFired {
  type: "timer";
  name: string;
}

/** A measured UE → chain latency sample (input of the optimal-stopping re-placement trigger). */
export interface LatencyObservation {
  type: "latency-observation";
  ue: string;
  chain: string;
  /** Measured latency, seconds. */
  latencyS: number;
}

export type ManagerEvent =
  | UeConnected
  | UeDisconnected
  | UeHandover
  | DeviceReport
  | VnfStarted
  | VnfStopped
  | VnfFailed
  | StateTransferred
  | SteeringInstalled
  | SteeringRemoved
  | VnfNotification
  | ChainRequested
  | ChainRemoved
  | VnfStopRequested
  | VnfStartRequested
  | VnfMigrationRequested
  | TimerFired
  | LatencyObservation;

export type ManagerEventType = ManagerEvent["type"];

/** Operator actions on one vNF (REST `POST /vnfs/{id}/stop|start|migrate`). */
export type OperatorVnfEvent = VnfStopRequested | VnfStartRequested | VnfMigrationRequested;
