/**
 * The data dictionary of the GNF system's results, the same in both worlds: every Manager-level
 * table (columns with units and meanings) and metric. The recorders build their tables from these
 * specs (`ManagerRecorder`, `HandoverInterruptions`, `migrationsTable`, `MitigationAutomation`),
 * and the simulator's plain edge world writes `handovers`, `ue_latency` and `core_utilisation`
 * with the same specs.
 */
import { defineMetrics, defineTable } from "../base/results/data-dictionary.ts";

export const UE_LATENCY_TABLE = defineTable(
  "ue_latency",
  "One row per sampled flow of a connected UE and sample interval (`outputs.sampleInterval`). A flow through an overloaded vNF keeps its row (latency of the packets that got through); a flow blocked on purpose by a dropper vNF has none.",
  [
    ["time_s", "s", "sample time"],
    ["ue", "text", "the UE (`ue-<index>`)"],
    ["flow", "index", "the flow's position in the scenario's `traffic` list"],
    ["access", "text", "the UE's access node (serving cell) at the sample"],
    ["chain", "text", "the chain whose match selects the flow; empty when none does"],
    ["steered", "boolean", "the chain's steering is in force at the UE's access node (the flow goes through its vNFs); false without a chain"],
    ["latency_ms", "ms", "one-way latency UE → destination of the delivered packets, through the chain's vNFs when steered. Simulator: one packet's latency drawn around the flow's mean; lab: mean of the probe packets received in the interval (the metrics use every packet)"],
    ["chain_latency_ms", "ms", "UE → through the chain's vNFs (access node to the last vNF); empty when not steered or not measured (the lab has no timestamps inside vNFs)"],
    ["offered_pps", "packets/s", "packets per second the flow offered; empty in the lab (its probes send at most 50 packets/s, not the scenario's rates)"],
    ["dropped_pps", "packets/s", "packets per second of the flow dropped at saturated vNFs (full buffers); empty in the lab"],
    ["overloaded", "boolean", "a vNF on the flow's path was offered ρ ≥ 1 (its core or its host's CPU saturated); empty in the lab"],
  ],
);

export const UE_LATENCY_SUMMARY_TABLE = defineTable("ue_latency_summary", "One row per UE: its latency samples over the run (every probe packet in the lab).", [
  ["ue", "text", "the UE"],
  ["samples", "count", "latency observations (simulator: one per flow sample; lab: one per probe packet received)"],
  ["mean_ms", "ms", "mean one-way latency"],
  ["p95_ms", "ms", "95th percentile one-way latency"],
]);

export const HANDOVERS_TABLE = defineTable("handovers", "One row per handover of a UE between cells, as its Agent saw it.", [
  ["time_s", "s", "when the UE changed cells"],
  ["ue", "text", "the UE"],
  ["from", "text", "the cell (edge device) it left"],
  ["to", "text", "the cell it joined"],
  ["rssi_dbm", "dBm", "received signal strength at the new cell"],
  ["packets_at_old_cell", "packets", "packets the UE sent through the old cell since it attached there (simulator: its flows' mean packet rate × the time there; lab: its interface counter)"],
]);

export const HANDOVER_INTERRUPTIONS_TABLE = defineTable(
  "handover_interruptions",
  "One row per service interruption at handovers: for each chain that was steered when its UE handed over, the time until a steering version for the UE's new access node was in force (the chain's traffic bypasses its vNFs meanwhile). Handovers before it is resolved extend the same row. Compare `migrations.interruption_ms`, which measures a different steering switch.",
  [
    ["time_s", "s", "the (first) handover of the interrupted period, as the Agent saw it"],
    ["ue", "text", "the UE"],
    ["chain", "text", "the interrupted chain"],
    ["from", "text", "the cell the UE left"],
    ["to", "text", "the cell it was in when the steering caught up"],
    ["handovers", "count", "handovers in the interrupted period"],
    [
      "interruption_ms",
      "ms",
      "handover → the chain steered at the new access node, to whichever vNF instances the steering points. Under `ueMobility: follow` with make-before-break that is a detour to the old instances, installed at once; the migration's own switch to the new instances comes seconds later (`migrations.interruption_ms`). With break-before-make it is the migrated chain's steering, and both columns agree (up to the calibrated Agent → Manager delay). Includes that delay, the Manager's decision and one steering installation. Unresolved at the end: until the end",
    ],
    ["resolved", "boolean", "false when the run ended before the steering followed"],
  ],
);

export const MIGRATIONS_TABLE = defineTable("migrations", "One row per vNF migration the Manager ran (its timeline; times as the Manager saw them).", [
  ["id", "text", "migration id (`m-<n>`)"],
  ["chain", "text", "the chain whose vNFs moved"],
  ["ue", "text", "the chain's UE"],
  ["reason", "text", "trigger: ue-handover, ue-reconnected, utilisation-change, overload, periodic, optimal-stopping, vnf-failed, operator, operator-restart"],
  ["mode", "text", "make-before-break or break-before-make (a vNF whose old instance died moves break-before-make)"],
  ["outcome", "text", "completed, rolled-back, failed, aborted or in-flight (still running at the end)"],
  ["moves", "text", "space-separated `type:from-host->to-host`"],
  ["trigger_s", "s", "the triggering event reached the Manager"],
  ["decision_s", "s", "the Manager decided the moves"],
  ["ready_s", "s", "every target instance reported started; empty if never"],
  ["state_transferred_s", "s", "every state transfer completed (make-before-break: the steering switch is requested now); empty if never"],
  ["steering_switched_s", "s", "the new steering (to the new instances) was installed; empty if never"],
  ["old_stopped_s", "s", "every old instance reported stopped; empty if never"],
  ["end_s", "s", "the outcome was settled; empty while in flight"],
  [
    "interruption_ms",
    "ms",
    "traffic of the chain not served by the migration's switch: make-before-break, steering switch requested (state_transferred_s) → installed (steering_switched_s); break-before-make, decision → new steering installed; 0 for a rolled-back make-before-break. Under make-before-break this is not the handover's interruption (`handover_interruptions.interruption_ms`): after a handover the Manager first re-steers the UE's new cell to the old instances (a detour), seconds before this switch — both are one steering installation, hence close but different values",
  ],
]);

export const VNF_EVENTS_TABLE = defineTable("vnf_events", "One row per vNF instance event the Manager received.", [
  ["time_s", "s", "when the Manager received it"],
  ["vnf", "text", "the vNF instance (`<chain>.<slot>.<type>.<n>`)"],
  ["host", "text", "its host (edge device or the central NFVI)"],
  ["event", "text", "started, stopped or failed"],
  ["reason", "text", "why it failed; empty otherwise"],
]);

export const DEVICE_UTILISATION_TABLE = defineTable("device_utilisation", "One row per vNF host with running vNFs and sample (simulator) or per Agent device report (lab).", [
  ["time_s", "s", "sample time"],
  ["device", "text", "the vNF host"],
  ["vnfs", "count", "vNF instances running on it"],
  ["cpu_utilisation", "ratio", "CPU utilisation of the host's vNFs, 0..1 of its cores"],
  ["memory_used_bytes", "bytes", "memory held by its vNF containers"],
]);

export const CORE_UTILISATION_TABLE = defineTable("core_utilisation", "One row per sample interval: the load on the core links (simulator only; the lab does not measure it).", [
  ["time_s", "s", "sample time"],
  ["core_bps", "bit/s", "total bit rate on the core links from this sample on (each link counted)"],
  ["core_bytes_total", "bytes", "bytes carried by the core links since the start (each link counted); the mean rate so far is core_bytes_total × 8 / time_s"],
]);

export const NOTIFICATIONS_TABLE = defineTable("notifications", "One row per notification a vNF raised (IDS alerts, probe results, attack detections).", [
  ["time_s", "s", "when the Manager received it"],
  ["vnf", "text", "the vNF instance that raised it"],
  ["ue", "text", "the UE it concerns"],
  ["kind", "text", "notification kind: ids-alert, attack-detected, measurement-done, info, …"],
  ["message", "text", "its text"],
]);

export const MITIGATIONS_TABLE = defineTable("mitigations", "One row per UE whose traffic the DDoS mitigation automation blocked (scenarios with `mitigation`).", [
  ["ue", "text", "the blocked UE"],
  ["attack_start_s", "s", "the attack started (the latest flow start at or before the detection)"],
  ["detected_s", "s", "a vNF notified `attack-detected`"],
  ["requested_s", "s", "the blocking chain was requested (detection + `mitigation.reactionS`)"],
  ["blocked_s", "s", "the blocking chain's steering was in force"],
  ["time_to_block_s", "s", "attack start → blocked"],
]);

/** The Manager-level tables, in the order a run writes them. */
export const MANAGER_TABLES = [
  UE_LATENCY_TABLE,
  UE_LATENCY_SUMMARY_TABLE,
  HANDOVERS_TABLE,
  HANDOVER_INTERRUPTIONS_TABLE,
  MIGRATIONS_TABLE,
  VNF_EVENTS_TABLE,
  DEVICE_UTILISATION_TABLE,
  CORE_UTILISATION_TABLE,
  NOTIFICATIONS_TABLE,
  MITIGATIONS_TABLE,
] as const;

/** The Manager-level metrics, in the order a run reports them. n/a (null in summary.json): no observation. */
export const MANAGER_METRICS = defineMetrics({
  "ues.handovers": ["count", "handovers between cells"],
  "latency.meanMs": ["ms", "one-way flow latency of delivered packets (with its chain when steered), mean over every sample, overloaded ones included"],
  "latency.p95Ms": ["ms", "one-way flow latency, 95th percentile"],
  "latency.violations": ["count", "steered flow samples whose UE → chain latency exceeded the chain's tightest vNF latency bound (each sample is one packet's drawn latency)"],
  "latency.violationRatio": ["ratio", "latency.violations / steered samples of chains with a bound: the share of packets over their chain's bound (n/a: no bounded chain)"],
  "latency.chainMeanMs": ["ms", "UE → chain latency (access node through the vNFs), mean over steered samples"],
  "traffic.lossRatio": ["ratio", "packets dropped at saturated vNFs' full buffers / packets offered, over the run (n/a: not measured — the lab)"],
  "traffic.droppedPackets": ["packets", "packets dropped at saturated vNFs' full buffers over the run (n/a: not measured — the lab)"],
  "vnfs.overloadedSeconds": ["s", "vNF-seconds spent offered ρ ≥ 1 (own core or host CPU saturated) (n/a: not measured — the lab)"],
  "chains.steeredRatio": ["ratio", "share of chain-selected flow samples that went through their vNFs"],
  "handover.interruptions": ["count", "handovers of UEs with a steered chain whose steering followed them (resolved rows of handover_interruptions)"],
  "handover.interruptionMeanMs": ["ms", "service interruption per handover: handover → chain steered at the new access node, mean (handover_interruptions.interruption_ms, resolved rows)"],
  "handover.interruptionP95Ms": ["ms", "service interruption per handover, 95th percentile"],
  "chains.unplaced": ["count", "chains requested but not running at the end (no host within the bounds had room, or their UE is away)"],
  "migrations.completed": ["count", "vNF migrations completed"],
  "migrations.failed": ["count", "migrations that failed or rolled back"],
  "migrations.meanDurationS": ["s", "trigger → migration finished, mean over completed migrations"],
  "vnfs.started": ["count", "vNF containers started"],
  "vnfs.failed": ["count", "vNF starts or stops that failed"],
  "placement.calls": ["count", "placement decisions the Manager asked for"],
  "device.busiestCpuUtilisation": ["ratio", "time-averaged CPU utilisation of the busiest vNF host"],
  "core.bytes": ["bytes", "bytes carried by core links (each link counted); simulator only"],
  "core.meanBps": ["bit/s", "mean bit rate over core links (core.bytes × 8 / duration); simulator only"],
  "notifications.count": ["count", "notifications raised by vNFs"],
  "mitigation.blockedUes": ["count", "UEs whose traffic a blocking chain stopped at the customer edge (with `mitigation`)"],
  "mitigation.timeToBlockMeanS": ["s", "attack start → blocking chain steered at the customer edge, mean over blocked UEs (with `mitigation`)"],
});

export type ManagerMetricName = keyof typeof MANAGER_METRICS;
