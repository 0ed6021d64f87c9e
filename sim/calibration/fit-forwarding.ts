/**
 * The round-trip time one vNF adds, from the lab's idle RTT samples (`rtt` table) through 0 and 1
 * chained vNFs (the fitted chain lengths): the difference of the means is the mean added time, and
 * the difference of the variances (RTT through one vNF = the path's RTT + one independent draw) its
 * variance; both in reference-core seconds (× the lab core's speed). The validation then predicts
 * longer chains with `chainRttS`.
 */
import { UserError } from "../../base/errors.ts";
import { meanCv } from "../../base/stats/fit.ts";
import type { ForwardingDelay } from "../models/traffic/forwarding.ts";
import { num, rowsOf, type Campaign } from "./campaign.ts";

/** The lab's RTT samples by chain length, seconds. */
export function labRtts(campaign: Campaign): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const r of rowsOf(campaign, "rtt")) {
    const k = num(campaign, "rtt", r, "vnfs");
    (out.get(k) ?? out.set(k, []).get(k))?.push(num(campaign, "rtt", r, "rtt_ms") / 1000);
  }
  return out;
}

export function fitForwarding(campaign: Campaign, coreSpeed: number): { forwarding: ForwardingDelay; quality: Record<string, number> } {
  const rtts = labRtts(campaign);
  const direct = rtts.get(0);
  const one = rtts.get(1);
  if (!direct?.length || !one?.length) throw new UserError(`${campaign.folder}: the rtt table needs samples through 0 and 1 vNFs to fit the forwarding delay`);
  const a = meanCv(direct);
  const b = meanCv(one);
  const meanS = b.mean - a.mean;
  if (!(meanS > 0)) throw new UserError(`${campaign.folder}: the RTT through one vNF (mean ${(b.mean * 1000).toFixed(3)} ms) is not above the direct RTT (${(a.mean * 1000).toFixed(3)} ms); cannot fit a forwarding delay`);
  const variance = Math.max(0, (b.cv * b.mean) ** 2 - (a.cv * a.mean) ** 2);
  return {
    forwarding: { meanS: meanS * coreSpeed, cv: Math.sqrt(variance) / meanS },
    quality: { "forwarding.directMeanMs": a.mean * 1000, "forwarding.oneVnfMeanMs": b.mean * 1000 },
  };
}
