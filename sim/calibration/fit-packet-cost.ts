/**
 * Each vNF type's forwarding cost per packet, from the lab's forwarding measurements (`forwarding`
 * table: one vNF between two hosts at rising offered rates until it loses more than half; the
 * `forwarding_baseline` table: the same without a vNF).
 *
 * Method — the bottleneck time a vNF adds to each packet: in each repetition the highest rate a
 * path delivers is its saturation throughput, so 1 / throughput is the bottleneck's time per
 * packet. The direct path's bottleneck (sender, receiver, the switch) is shared by every path, so
 *
 *   added time per packet (type t) = 1 / throughput(t) − 1 / throughput(direct)   (s on this machine)
 *
 * converted to reference-core seconds (× the lab core's speed), averaged over the repetitions: what
 * the simulator charges per packet (`cpuPerPacketS`), so its vNF saturates where the lab's path
 * does. A type whose path never lost more than `SATURATED_LOSS` at any offered rate was not
 * saturated: it gets no value (the catalog's stays) and is listed in the quality (`notSaturated`);
 * nor does a type whose path saturated no earlier than the direct one on average (`belowResolution`:
 * its cost is below what the lab can resolve).
 * Why not the CPU accounting columns: these vNFs forward in the kernel (softirq, charged to no
 * cgroup), and the machine's busy time carries every other job on a shared machine.
 *
 * Rows are keyed by the lab's image kinds and mapped to catalog types (`image-kinds.ts`).
 */
import { typeOfImageKind } from "../../deployment/vnfs/image-kinds.ts";
import { num, rowsOf, type Campaign } from "./campaign.ts";

/** A path losing more than this share at its highest offered rate was saturated there. */
export const SATURATED_LOSS = 0.01;

export interface PacketCostFit {
  /** Added bottleneck time per packet by catalog type, reference-core seconds (saturated types only). */
  perPacketS: Record<string, number>;
  quality: Record<string, number>;
}

interface PathRuns {
  /** Highest delivered rate per repetition, packets/s. */
  throughput: Map<string, number>;
  /** Whether some rate of that repetition lost more than SATURATED_LOSS. */
  saturated: Map<string, boolean>;
}

function pathRuns(campaign: Campaign, table: string): Map<string, PathRuns> {
  const out = new Map<string, PathRuns>();
  for (const r of rowsOf(campaign, table)) {
    const kind = r["vnf_type"] ?? "";
    const rep = r["repetition"] ?? "";
    const delivered = num(campaign, table, r, "delivered_pps");
    const loss = num(campaign, table, r, "loss_ratio");
    if (!Number.isFinite(delivered)) continue;
    const p = out.get(kind) ?? out.set(kind, { throughput: new Map(), saturated: new Map() }).get(kind);
    if (!p) continue;
    p.throughput.set(rep, Math.max(p.throughput.get(rep) ?? 0, delivered));
    p.saturated.set(rep, (p.saturated.get(rep) ?? false) || loss > SATURATED_LOSS);
  }
  return out;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The per-packet cost of every saturated vNF type; undefined without forwarding tables or a saturated direct path. */
export function fitPacketCost(campaign: Campaign, coreSpeed: number): PacketCostFit | undefined {
  const direct = pathRuns(campaign, "forwarding_baseline").get("none");
  if (!direct) return undefined;
  const quality: Record<string, number> = {};
  const directPps = mean([...direct.throughput.values()]);
  quality["packetCost.directThroughputPps"] = directPps;
  // Not saturated: its bottleneck time is at most 1 / throughput, so the added times below are lower bounds.
  quality["packetCost.directSaturated"] = [...direct.saturated.values()].every((s) => s) ? 1 : 0;
  const perPacketS: Record<string, number> = {};
  for (const [kind, runs] of pathRuns(campaign, "forwarding")) {
    const type = typeOfImageKind(kind);
    if (type === undefined) continue;
    const added: number[] = [];
    for (const [rep, pps] of runs.throughput) {
      const base = direct.throughput.get(rep) ?? directPps;
      if (runs.saturated.get(rep) === true && pps > 0) added.push(1 / pps - 1 / base);
    }
    quality[`packetCost.${type}.throughputPps`] = mean([...runs.throughput.values()]);
    if (added.length === 0) {
      quality[`packetCost.${type}.notSaturated`] = 1;
      continue;
    }
    const addedS = mean(added);
    if (!(addedS > 0)) {
      // saturated no earlier than the direct path: its cost is below what this lab can resolve
      quality[`packetCost.${type}.belowResolution`] = 1;
      continue;
    }
    perPacketS[type] = addedS * coreSpeed;
  }
  return { perPacketS, quality };
}
