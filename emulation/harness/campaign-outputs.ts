/**
 * The data dictionary of a lab measurement campaign (`gnf emulation campaign`): every table's
 * columns (`CAMPAIGN_COLUMNS`, the calibration contract) with unit and meaning — the type requires
 * a description for every column of the contract — and the headline metrics' name patterns.
 */
import { defineMetrics, defineTable, type TableSpec } from "../../base/results/data-dictionary.ts";
import { CAMPAIGN_COLUMNS, type CampaignTableName } from "./campaign-tables.ts";

type Described<K extends CampaignTableName> = {
  description: string;
  columns: Record<(typeof CAMPAIGN_COLUMNS)[K][number], readonly [unit: string, description: string]>;
};

const REPETITION = ["index", "the campaign's repetition (1-based)"] as const;
const LOAD = ["ratio", "the machine's 1-minute load average when the measurement ended (other users skew lab timings); empty when not read"] as const;
const FORWARDING: Described<"forwarding">["columns"] = {
  repetition: REPETITION,
  vnf_type: ["text", "the image kind of the one vNF the traffic goes through (`none`: the direct path)"],
  offered_pps: ["packets/s", "rate the sender was asked for"],
  delivered_pps: ["packets/s", "rate received at the far end"],
  loss_ratio: ["ratio", "1 − delivered / sent"],
  cpu_s_per_packet: ["s", "cgroup CPU time of the vNF per delivered packet (near 0 for vNFs that forward in the kernel)"],
  cpu_utilisation: ["ratio", "the vNF's CPU time / elapsed time"],
  sent_pps: ["packets/s", "rate the sender achieved"],
  ovs_cpu_s_per_packet: ["s", "ovs-vswitchd CPU time per delivered packet"],
  host_cpu_s_per_packet: ["s", "whole-machine CPU time per delivered packet"],
  udp_payload_bytes: ["bytes", "UDP payload of each packet"],
  seconds: ["s", "length of the measurement at this rate"],
  load_1m: LOAD,
};

const DESCRIBED: { [K in CampaignTableName]: Described<K> } = {
  lifecycle: {
    description: "One row per vNF of an instantiation batch (N vNFs started p at a time on a device's limits), with its phases; NaN for phases not reached.",
    columns: {
      repetition: REPETITION,
      device: ["text", "catalog device whose limits the batch ran under (`lab`: none)"],
      vnf_type: ["text", "image kind"],
      n: ["count", "vNFs in the batch"],
      parallelism: ["count", "starts at once"],
      index: ["index", "the vNF's position in start order (0-based)"],
      create_ms: ["ms", "docker create"],
      start_ms: ["ms", "docker start"],
      attach_ms: ["ms", "veth pairs + OVS ports"],
      ready_ms: ["ms", "attached → the entrypoint's ready line"],
      forwarding_ms: ["ms", "ready line → first probe packet through it"],
      stop_ms: ["ms", "docker stop"],
      remove_ms: ["ms", "docker rm"],
      failed: ["boolean", "it failed to start or forward, or exited"],
      reason: ["text", "why it failed; empty otherwise"],
      create_at_ms: ["ms", "its create call, from the batch's first create"],
      ready_at_ms: ["ms", "ready, from the batch's first create"],
      forwarding_at_ms: ["ms", "forwarding, from the batch's first create"],
      load_1m: LOAD,
    },
  },
  lifecycle_batches: {
    description: "One row per instantiation batch.",
    columns: {
      repetition: REPETITION,
      device: ["text", "catalog device whose limits the batch ran under"],
      vnf_type: ["text", "image kind"],
      n: ["count", "vNFs in the batch"],
      parallelism: ["count", "starts at once"],
      ready_all_s: ["s", "first create → last vNF ready"],
      stopped_all_s: ["s", "stop + remove of the whole batch"],
      failed: ["boolean", "any vNF of the batch failed"],
      forwarding_all_s: ["s", "first create → last vNF forwarding"],
      stop_all_s: ["s", "stopping the batch"],
      remove_all_s: ["s", "removing the batch"],
      failed_vnfs: ["count", "vNFs that failed"],
      cpu_s_per_vnf: ["s", "CPU time spent per vNF started"],
      position: ["count", "the batch's place (1-based) in its repetition's lifecycle order (plan.lifecycle.order: shuffled or ascending)"],
      load_1m: LOAD,
    },
  },
  memory: {
    description: "One row per memory checkpoint: N idle vNFs of one image kind running on a device's limits.",
    columns: {
      repetition: REPETITION,
      device: ["text", "catalog device whose limits applied"],
      vnf_type: ["text", "image kind"],
      n: ["count", "vNFs asked for at this checkpoint"],
      total_bytes: ["bytes", "sum of the containers' cgroup memory.usage_in_bytes"],
      per_vnf_bytes: ["bytes", "total_bytes / running"],
      running: ["count", "vNFs running (< n when starts failed)"],
      failed: ["count", "starts that failed"],
      mean_rss_bytes: ["bytes", "mean cgroup rss per vNF"],
      mean_cache_bytes: ["bytes", "mean cgroup page cache per vNF"],
      mean_kmem_bytes: ["bytes", "mean cgroup kernel memory per vNF"],
      host_delta_bytes: ["bytes", "drop of the machine's MemAvailable since the first vNF"],
      failure: ["text", "the first start failure's message; empty when none"],
      load_1m: LOAD,
    },
  },
  rtt: {
    description: "One row per ping reply through a chain of wire vNFs (idle round-trip time, paper Fig. 2).",
    columns: { repetition: REPETITION, vnfs: ["count", "chained wire vNFs on the path (0: direct)"], sample: ["index", "the ping's position"], rtt_ms: ["ms", "round-trip time"], load_1m: LOAD },
  },
  flowmod: {
    description: "One row per batch of FLOW_MODs sent to Open vSwitch followed by a barrier.",
    columns: { repetition: REPETITION, flow_mods: ["count", "FLOW_MODs in the batch"], barrier_ms: ["ms", "first FLOW_MOD sent → barrier reply"], sample: ["index", "the batch's position"], load_1m: LOAD },
  },
  roaming: {
    description: "One row per handover of a roaming scenario run in the lab (its `handover_interruptions` rows).",
    columns: {
      repetition: REPETITION,
      mode: ["text", "migration mode: make-before-break or break-before-make"],
      handover: ["index", "the handover's position in its run"],
      interruption_ms: ["ms", "handover → chain steered at the new access node (handover_interruptions.interruption_ms)"],
      probe_lost: ["packets", "probe packets lost in the whole run, all flows (shared by the run's handovers)"],
      resolved: ["boolean", "the steering followed before the run ended"],
      from: ["text", "the cell left"],
      to: ["text", "the cell joined"],
      probe_sent: ["packets", "probe packets sent in the whole run"],
      handovers_in_run: ["count", "handovers that share the run's probe counts"],
      state_transfer_ms: ["ms", "that handover's migration: new instance ready → state transferred (make-before-break: export from the running source + import; break-before-make: the import only, the export ran at the stop); empty when it did not complete"],
      load_1m: LOAD,
    },
  },
  forwarding: { description: "One row per offered rate through one vNF (its forwarding capacity and CPU cost).", columns: FORWARDING },
  forwarding_baseline: { description: "One row per offered rate on the direct path, no vNF (`vnf_type` none): the baseline of `forwarding`.", columns: FORWARDING },
  device_scaling: {
    description: "One row per device the campaign emulated: the limits used (empty: none).",
    columns: {
      device: ["text", "catalog device key (`lab`: this machine as itself)"],
      cores: ["cores", "the device's cores"],
      per_core_speed: ["reference cores", "one device core, in reference cores (one i7 core at 3.4 GHz)"],
      lab_core_speed: ["reference cores", "one core of this machine, in reference cores"],
      cpu_quota_cores: ["cores", "CPU quota emulating the device, in cores of this machine (empty: none)"],
      memory_limit_bytes: ["bytes", "memory limit of its vNFs together (empty: none)"],
      cpu_capacity_ref_cores: ["reference cores", "cores × per_core_speed"],
    },
  },
};

/** The campaign's tables in the order they are written. */
export const CAMPAIGN_TABLES: readonly TableSpec[] = (Object.keys(CAMPAIGN_COLUMNS) as CampaignTableName[]).map((name) => {
  const d = DESCRIBED[name] as Described<CampaignTableName>;
  const columns = d.columns as Record<string, readonly [string, string]>;
  return defineTable(
    name,
    d.description,
    CAMPAIGN_COLUMNS[name].map((c) => [c, ...(columns[c] as readonly [string, string])] as const),
  );
});

/** The campaign's headline metrics (`<…>`: filled in from what was measured). */
export const CAMPAIGN_METRICS = defineMetrics({
  "rtt.p50Ms.<vnfs>": ["ms", "median idle RTT through <vnfs> chained wire vNF(s), every sample of every repetition"],
  "rtt.p95Ms.<vnfs>": ["ms", "95th percentile idle RTT through <vnfs> chained wire vNF(s)"],
  "rtt.addedMsPerVnf": ["ms", "added idle RTT per chained wire vNF: least-squares slope of the median over chain length"],
  "lifecycle.readyAllS.<device>.n<count>.p<parallelism>": ["s", "first create → last of <count> vNFs ready, <parallelism> at once (<device>), over repetitions"],
  "lifecycle.<phase>P50Ms.<device>": ["ms", "median <phase> phase (create, start, attach, ready, forwarding, stop, remove) per vNF, one at a time when measured so (<device>)"],
  "lifecycle.failedVnfs.<device>": ["count", "vNFs that failed to start or forward or exited, all batches (<device>)"],
  "lifecycle.firstFailedStart.<device>": ["count", "the earliest start (1-based, in start order) that failed in any batch (<device>)"],
  "memory.perVnfMB.<device>.<type>": ["MB", "mean cgroup memory.usage_in_bytes per idle vNF at the largest N reached, over repetitions (MB = 10^6 bytes)"],
  "memory.runningAtFirstFailure.<device>.<type>": ["count", "idle vNFs still running at the checkpoint where starts began to fail"],
  "flowmod.p50Ms.k<k>": ["ms", "median first FLOW_MOD → barrier reply for a batch of <k>"],
  "flowmod.p95Ms.k<k>": ["ms", "95th percentile first FLOW_MOD → barrier reply for a batch of <k>"],
  "roaming.meanMs.<mode>": ["ms", "handover → chain steered at the new access node, mean over every handover (<mode>)"],
  "roaming.p95Ms.<mode>": ["ms", "handover → chain steered at the new access node, 95th percentile (<mode>)"],
  "roaming.probeLost.<mode>": ["count", "probe packets lost per run (<mode>), over repetitions"],
  "forwarding.maxDeliveredPps.<type>": ["packets/s", "highest delivered rate through one <type> vNF (`none`: without a vNF) over the offered rates"],
  "deviceScaling.labCoreSpeed": ["reference cores", "one core of this machine in reference cores (one i7 core at 3.4 GHz): measured effective clock / 3.4 GHz"],
  "deviceScaling.cpuQuotaCores.<device>": ["cores", "CPU quota emulating <device>, in cores of this machine"],
});
