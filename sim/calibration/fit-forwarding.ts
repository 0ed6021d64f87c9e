/**
 * The round-trip time vNFs add, from the lab's idle RTT samples (`rtt` table) through the fitted
 * chain lengths (0 and at least one k ≥ 1; `DEFAULT_SUBSET`: 0, 1 and 3). The samples of each
 * length are pooled over the repetitions. Independent additive parts add their means and their
 * variances, so with m_k, s²_k the mean and variance of the RTT through k vNFs:
 *
 *   two lengths a < b ≥ 1 (the first two fitted):  pass mean = (m_b − m_a) / (b − a)
 *                                                   pass var  = (s²_b − s²_a) / (b − a)
 *                                                   entry mean = m_a − m_0 − a × pass mean
 *                                                   entry var  = s²_a − s²_0 − a × pass var
 *   one length a ≥ 1 only:                          pass mean = (m_a − m_0) / a, var likewise; no entry
 *
 * Negative differences are clamped to 0. The spread s_k is estimated robustly as the
 * interquartile range / 1.349 (the standard deviation of a normal with that IQR): every sample
 * counts, but the rare multi-millisecond scheduling stalls of a shared VM (a handful in 1,000) do
 * not set the jitter of every packet. Means in reference-core seconds (× the lab core's speed);
 * cvs are relative. `chainRttS` then predicts the held-out lengths.
 */
import { UserError } from "../../base/errors.ts";
import { quantile } from "../../base/stats/fit.ts";
import type { ForwardingDelay } from "../models/traffic/forwarding.ts";
import { num, rowsOf, type Campaign } from "./campaign.ts";

/** IQR of a normal distribution in standard deviations. */
const NORMAL_IQR = 1.349;

/** The lab's RTT samples by chain length, seconds. */
export function labRtts(campaign: Campaign): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const r of rowsOf(campaign, "rtt")) {
    const k = num(campaign, "rtt", r, "vnfs");
    (out.get(k) ?? out.set(k, []).get(k))?.push(num(campaign, "rtt", r, "rtt_ms") / 1000);
  }
  return out;
}

/** Mean and robust variance ((IQR / 1.349)²) of RTT samples, s and s². */
function moments(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = (quantile(xs, 0.75) - quantile(xs, 0.25)) / NORMAL_IQR;
  return { mean, variance: sd * sd };
}

const cvOf = (variance: number, mean: number): number => (mean > 0 ? Math.min(5, Math.sqrt(Math.max(0, variance)) / mean) : 0);

export function fitForwarding(campaign: Campaign, coreSpeed: number, chainLengths: readonly number[] = [0, 1]): { forwarding: ForwardingDelay; quality: Record<string, number> } {
  const rtts = labRtts(campaign);
  const direct = rtts.get(0);
  const lengths = [...new Set(chainLengths)].filter((k) => k >= 1 && (rtts.get(k)?.length ?? 0) > 0).sort((x, y) => x - y);
  if (!direct?.length || lengths.length === 0) {
    throw new UserError(`${campaign.folder}: the rtt table needs samples through 0 vNFs and through one of the fitted chain lengths (${chainLengths.filter((k) => k >= 1).join(", ")}) to fit the forwarding delay; it has chain lengths ${[...rtts.keys()].sort((x, y) => x - y).join(", ")}`);
  }
  const m0 = moments(direct);
  const a = lengths[0] as number;
  const ma = moments(rtts.get(a) ?? []);
  const quality: Record<string, number> = { "forwarding.directMeanMs": m0.mean * 1000, [`forwarding.${a}VnfMeanMs`]: ma.mean * 1000 };
  if (!(ma.mean > m0.mean)) throw new UserError(`${campaign.folder}: the RTT through ${a} vNF(s) (mean ${(ma.mean * 1000).toFixed(3)} ms) is not above the direct RTT (${(m0.mean * 1000).toFixed(3)} ms); cannot fit a forwarding delay`);
  const b = lengths[1];
  if (b === undefined) {
    const meanS = (ma.mean - m0.mean) / a;
    return { forwarding: { meanS: meanS * coreSpeed, cv: cvOf((ma.variance - m0.variance) / a, meanS) }, quality };
  }
  const mb = moments(rtts.get(b) ?? []);
  quality[`forwarding.${b}VnfMeanMs`] = mb.mean * 1000;
  const passS = Math.max(0, (mb.mean - ma.mean) / (b - a));
  const passVar = Math.max(0, (mb.variance - ma.variance) / (b - a));
  if (!(passS > 0)) throw new UserError(`${campaign.folder}: the RTT through ${b} vNFs (mean ${(mb.mean * 1000).toFixed(3)} ms) is not above the RTT through ${a} (${(ma.mean * 1000).toFixed(3)} ms); cannot fit a per-vNF forwarding delay`);
  const entryS = Math.max(0, ma.mean - m0.mean - a * passS);
  const entryVar = Math.max(0, ma.variance - m0.variance - a * passVar);
  return {
    forwarding: { meanS: passS * coreSpeed, cv: cvOf(passVar, passS), entryMeanS: entryS * coreSpeed, entryCv: cvOf(entryVar, entryS) },
    quality,
  };
}
