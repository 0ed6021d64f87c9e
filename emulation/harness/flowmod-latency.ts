/**
 * FLOW_MOD-to-barrier latency of real Open vSwitch (userspace datapath) under our controller: a
 * batch of k FLOW_MODs (distinct IPv4 destinations, so every one adds a flow) written back to back
 * and a BARRIER_REQUEST, timed from the first write until the BARRIER_REPLY (the switch has
 * processed all k). k = 1 is one FLOW_MOD + barrier. Batch sizes are interleaved sample by sample
 * so that drift (other users of the machine, the table growing) spreads over all of them; a few
 * unrecorded batches first warm the connection up. One fresh bridge, torn down afterwards.
 */
import type { OfMessage } from "../../openflow/codec/index.ts";
import { flowAdd } from "../../openflow/steering/index.ts";
import { OvsTestbed } from "../lab/index.ts";
import { monotonicMs } from "./pool.ts";

export interface FlowModLatencyOptions {
  /** FLOW_MODs per barrier (default 1, 10, 100). */
  batchSizes?: readonly number[];
  /** Timed batches per size (default 30). */
  samples?: number;
  /** Untimed batches of each size first (default 3). */
  warmup?: number;
}

export interface FlowModLatencySample {
  flowMods: number;
  /** 0-based sample number within its batch size (warm-up not counted). */
  sample: number;
  /** First FLOW_MOD written → BARRIER_REPLY received, ms. */
  barrierMs: number;
}

export async function measureFlowModLatency(options: FlowModLatencyOptions = {}): Promise<FlowModLatencySample[]> {
  const sizes = options.batchSizes ?? [1, 10, 100];
  const samples = options.samples ?? 30;
  const warmup = options.warmup ?? 3;
  if (sizes.length === 0 || sizes.some((k) => !(Number.isInteger(k) && k >= 1 && k <= 10_000))) throw new RangeError(`batch sizes must be integers in [1, 10000], got ${sizes.join(",")}`);
  let next = 0;
  const batch = (k: number): OfMessage[] =>
    Array.from({ length: k }, () => {
      const i = next++;
      return flowAdd(0xf10en, 10, [{ field: "eth_type", value: 0x0800 }, { field: "ipv4_dst", value: `10.${(i >> 16) & 0xff}.${(i >> 8) & 0xff}.${i & 0xff}` }], 1);
    });
  const bed = await OvsTestbed.start();
  try {
    const out: FlowModLatencySample[] = [];
    for (let s = -warmup; s < samples; s++) {
      for (const k of sizes) {
        const mods = batch(k);
        const t0 = monotonicMs();
        await bed.switch.sendBatch(mods, 60_000);
        const ms = monotonicMs() - t0;
        if (s >= 0) out.push({ flowMods: k, sample: s, barrierMs: ms });
      }
    }
    return out;
  } finally {
    await bed.stop();
  }
}
