/**
 * The data dictionary of what only the lab records in a `gnf emulate` run, after the GNF system's
 * tables and metrics (`deployment/manager-outputs.ts`): the lab's tables and metrics with units
 * and meanings. `EmulationRecorder` and `runEmulation` build their tables from these specs.
 * Times in seconds of the backend clock (rounded to µs), durations in ms (rounded to µs).
 */
import { defineMetrics, defineTable } from "../../base/results/data-dictionary.ts";

export const VNF_TIMINGS_TABLE = defineTable("vnf_timings", "One row per vNF container started, with the phases of its start.", [
  ["time_s", "s", "when it was ready"],
  ["vnf", "text", "the vNF instance"],
  ["type", "text", "its vNF type"],
  ["host", "text", "its host"],
  ["create_ms", "ms", "docker create (container record, root file system layer)"],
  ["start_ms", "ms", "docker start until the API call returned (namespaces, init process running)"],
  ["attach_ms", "ms", "inspect, log follow, veth pairs into the namespace, host ends on the OVS bridge"],
  ["ready_ms", "ms", "after attaching, until the entrypoint printed ready (0 if it already had)"],
  ["total_ms", "ms", "create call → ready (the sum)"],
]);

export const STEERING_INSTALLS_TABLE = defineTable("steering_installs", "One row per steering version the backend installed or removed (the Manager's install-steering and remove-steering commands).", [
  ["time_s", "s", "when the last barrier came back"],
  ["chain", "text", "the chain"],
  ["version", "count", "steering version (0: removal)"],
  ["access", "text", "the UE's access node the version steers from (empty for a removal)"],
  ["hops", "text", "space-separated `vnf@host` the traffic goes through"],
  ["segments", "count", "per-switch flow-entry segments installed"],
  ["install_ms", "ms", "command → every segment's barrier reply back"],
  ["applied", "boolean", "false when a version as new or newer was already in force (nothing changed)"],
]);

export const UE_MOVES_TABLE = defineTable("ue_moves", "One row per handover the lab's Agents executed (the Mininet move of the UE's host).", [
  ["time_s", "s", "when the handover was raised (after the move)"],
  ["due_s", "s", "when the association timeline (the simulator's mobility and radio models) scheduled it"],
  ["ue", "text", "the UE"],
  ["from", "text", "the cell it left"],
  ["to", "text", "the cell it joined"],
  ["packets", "packets", "packets the UE sent through the old cell (its interface counter; the same as handovers.packets_at_old_cell)"],
  ["move_ms", "ms", "moving the UE's link to the new cell's switch"],
  ["flows_ms", "ms", "re-installing its L2 entries and re-configuring the host after the move"],
]);

export const STATE_TRANSFERS_TABLE = defineTable("state_transfers", "One row per vNF state carried from an old instance to its migration target.", [
  ["time_s", "s", "when the transfer finished"],
  ["from_vnf", "text", "the old instance"],
  ["to_vnf", "text", "the target instance"],
  ["requested_bytes", "bytes", "state size the Manager asked for (the vNF type's state bytes)"],
  ["bytes", "bytes", "bytes actually carried"],
  ["transfer_ms", "ms", "export → import"],
  ["how", "text", "the method: iptables-save -c / iptables-restore -c, checkpoint at stop, nothing to carry (no export)"],
]);

export const PROBE_FLOWS_TABLE = defineTable("probe_flows", "One row per UE and traffic flow: the lab's probe packets (at most 50 packets/s per flow; they stand in for the scenario's traffic).", [
  ["ue", "text", "the UE"],
  ["flow", "index", "the flow's position in the scenario's `traffic` list"],
  ["label", "text", "the flow's `label` (empty when none)"],
  ["sent", "packets", "probe packets sent"],
  ["received", "packets", "probe packets received by the server"],
  ["lost", "packets", "sent − received (never negative)"],
  ["max_gap_ms", "ms", "longest gap between two consecutive arrivals (an outage, e.g. at a handover)"],
  ["max_gap_after_s", "s", "time of the arrival that began the longest gap"],
]);

export const DEVICE_LIMITS_TABLE = defineTable("device_limits", "One row per vNF host the lab limited: its catalog device (paper Table I) scaled to this machine, and the memory pressure seen.", [
  ["host", "text", "the vNF host"],
  ["device", "text", "its catalog device key (or `lab`: this machine as itself)"],
  ["cores", "cores", "the device's cores"],
  ["per_core_speed", "reference cores", "one device core, in reference cores (one i7 core at 3.4 GHz)"],
  ["lab_core_speed", "reference cores", "one core of this machine, in reference cores (measured at start)"],
  ["cpu_quota_cores", "cores", "CPU quota of the host's vNF cgroup, in cores of this machine (empty: no limit)"],
  ["cpu_binding", "boolean", "the quota is below this machine's cores (else the host runs at full speed)"],
  ["memory_limit_bytes", "bytes", "memory limit of all its vNFs together (empty: no limit)"],
  ["memory_failcnt", "count", "times the memory limit was hit, read at the end"],
  ["oom_kills", "count", "processes the OOM killer ended, read at the end"],
]);

/** The lab's own tables, in the order `gnf emulate` writes them (after the Manager-level ones). */
export const EMULATION_TABLES = [VNF_TIMINGS_TABLE, STEERING_INSTALLS_TABLE, UE_MOVES_TABLE, STATE_TRANSFERS_TABLE, PROBE_FLOWS_TABLE, DEVICE_LIMITS_TABLE] as const;

/** The lab's own metrics, after the Manager-level ones. */
export const EMULATION_METRICS = defineMetrics({
  "emulation.vnfReadyMeanMs": ["ms", "docker create → vNF ready to forward, mean"],
  "emulation.steeringInstallMeanMs": ["ms", "install-steering → last segment's barrier back, mean"],
  "emulation.durationS": ["s", "wall time the scenario ran"],
  "probes.sent": ["count", "probe packets sent by the UEs"],
  "probes.lost": ["count", "probe packets that never reached their server"],
});
