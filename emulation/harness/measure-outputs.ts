/**
 * The data dictionary of `gnf emulation measure … --results DIR` (the paper's Fig. 2 on the lab):
 * its tables' columns and its metrics, with units and meanings. `tables.ts` builds the tables from
 * these specs; `vnf_lifecycle` has the simulator's columns (`deployment/vnf-lifecycle-table.ts`)
 * after a leading `run`.
 */
import { defineMetrics, defineTable, type TableSpec } from "../../base/results/data-dictionary.ts";
import { VNF_LIFECYCLE_TABLE } from "../../deployment/vnf-lifecycle-table.ts";

export const RTT_SAMPLES_TABLE = defineTable("rtt_samples", "One row per ping reply through a chain of wire vNFs (`measure rtt`).", [
  ["vnfs", "count", "chained wire vNFs on the path (0: direct)"],
  ["sample", "index", "the ping's position"],
  ["rtt_ms", "ms", "round-trip time"],
]);

export const RTT_SUMMARY_TABLE = defineTable("rtt_summary", "One row per chain length (`measure rtt`).", [
  ["vnfs", "count", "chained wire vNFs on the path"],
  ["sent", "packets", "pings sent"],
  ["received", "packets", "replies received"],
  ["p50_ms", "ms", "median RTT"],
  ["p95_ms", "ms", "95th percentile RTT"],
  ["p99_ms", "ms", "99th percentile RTT"],
  ["mean_ms", "ms", "mean RTT"],
]);

export const INSTANTIATION_TABLE = defineTable("instantiation", "One row per vNF of a `measure instantiation` run, its phases.", [
  ["parallelism", "count", "starts at once"],
  ["count", "count", "vNFs in the run"],
  ["vnf", "index", "the vNF's position in start order"],
  ["create_ms", "ms", "docker create"],
  ["start_ms", "ms", "docker start"],
  ["attach_ms", "ms", "veth pairs + OVS ports"],
  ["ready_line_ms", "ms", "attached → the entrypoint's ready line"],
  ["create_at_ms", "ms", "its create call, from the run's first create"],
  ["ready_at_ms", "ms", "ready, from the run's first create"],
  ["forwarding_at_ms", "ms", "first probe packet through it, from the run's first create"],
  ["stop_ms", "ms", "docker stop"],
  ["remove_ms", "ms", "docker rm"],
]);

export const LAB_VNF_LIFECYCLE_TABLE: TableSpec = {
  ...VNF_LIFECYCLE_TABLE,
  description: "The simulator's `vnf_lifecycle` for a `measure instantiation` run, after a leading `run` (0-based, the measurement run: the `replication` of the simulator's folder).",
  columns: [{ name: "run", unit: "index", description: "the measurement run (0-based)" }, ...VNF_LIFECYCLE_TABLE.columns],
};

export const IDLE_MEMORY_TABLE = defineTable("idle_memory", "One row per checkpoint of `measure memory`: N idle vNFs running.", [
  ["vnfs", "count", "idle vNFs running"],
  ["mean_usage_bytes", "bytes", "mean cgroup memory.usage_in_bytes per vNF"],
  ["mean_rss_bytes", "bytes", "mean cgroup rss per vNF"],
  ["mean_cache_bytes", "bytes", "mean cgroup page cache per vNF"],
  ["mean_kmem_bytes", "bytes", "mean cgroup kernel memory per vNF"],
  ["total_usage_bytes", "bytes", "sum over the vNFs"],
  ["host_delta_bytes", "bytes", "drop of the machine's MemAvailable since before the first vNF"],
]);

export const MEASURE_TABLES = [RTT_SAMPLES_TABLE, RTT_SUMMARY_TABLE, INSTANTIATION_TABLE, LAB_VNF_LIFECYCLE_TABLE, IDLE_MEMORY_TABLE] as const;

/** The metrics of `gnf emulation measure` (`<vnfs>`: a chain length). */
export const MEASURE_METRICS = defineMetrics({
  addedRttMsPerVnf: ["ms", "rtt: slope of the median RTT over chain length"],
  "rttP50Ms.<vnfs>": ["ms", "rtt: median RTT through <vnfs> vNF(s) (p95 and p99 in rtt_summary)"],
  allForwardingSeconds: ["s", "instantiation: first create → all vNFs forwarding"],
  cpuSecondsPerVnf: ["s", "instantiation: CPU time per vNF instantiated (daemons, shims, containers, OVS, harness)"],
  cpuBoundReady50Seconds: ["s", "instantiation: 50 × CPU per vNF / CPUs: a lower bound if nothing else ran, not a measurement"],
  stopAllSeconds: ["s", "instantiation: stopping all"],
  removeAllSeconds: ["s", "instantiation: removing all"],
  ready50Seconds: ["s", "instantiation: first create → 50th vNF forwarding (with --count ≥ 50)"],
  idleMemoryMBPerVnf: ["MB", "memory: mean memory.usage_in_bytes per vNF at the largest N (MB = 10^6 bytes)"],
  idleMemorySlopeMBPerVnf: ["MB", "memory: slope of the total over N"],
  hostMemoryMBPerVnf: ["MB", "memory: MemAvailable drop per vNF at the largest N"],
});
