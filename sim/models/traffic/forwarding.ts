/**
 * The round-trip time packets gain by passing through vNFs (the calibration profile's
 * `forwarding`), lognormal draws in seconds on one reference core, divided by the host's per-core
 * speed:
 *
 *   RTT through k ≥ 1 vNFs = the path's RTT + one entry draw (entryMeanS, entryCv) + k pass draws (meanS, cv)
 *
 * The entry is what a chain costs once, whatever its length: in the lab, leaving the switch's
 * direct path for the first vNF costs more than each further vNF (measured on the 2-core lab: the
 * first wire vNF adds ≈ 0.3 ms, each further one ≈ 0.1 ms — `gnf calibrate` fits both). A profile
 * without an entry charges k pass draws only.
 */
import type { RandomStream } from "../../../base/rng.ts";
import { lognormalByMean } from "../calibration/lognormal.ts";

export interface ForwardingDelay {
  /** Mean added round-trip time per vNF pass, s on a reference core. */
  meanS: number;
  cv: number;
  /** Mean added round-trip time of a chain's first vNF beyond its pass, s on a reference core (absent: 0). */
  entryMeanS?: number | undefined;
  entryCv?: number | undefined;
}

/** One vNF pass's added round-trip time, s, on a host of `perCoreSpeed`. */
export function forwardingDelayS(rng: RandomStream, d: ForwardingDelay, perCoreSpeed = 1): number {
  return lognormalByMean(rng, d.meanS, d.cv) / perCoreSpeed;
}

/** A chain's entry (once per chain of at least one vNF), s; 0 without one. */
export function chainEntryS(rng: RandomStream, d: ForwardingDelay, perCoreSpeed = 1): number {
  return d.entryMeanS !== undefined && d.entryMeanS > 0 ? lognormalByMean(rng, d.entryMeanS, d.entryCv ?? 0) / perCoreSpeed : 0;
}

/** An idle RTT through `vnfs` vNFs: `baseS` (the path's RTT) plus the entry (when vnfs ≥ 1) and one pass draw per vNF, s. */
export function chainRttS(rng: RandomStream, baseS: number, vnfs: number, d: ForwardingDelay, perCoreSpeed = 1): number {
  let rtt = baseS;
  if (vnfs > 0) rtt += chainEntryS(rng, d, perCoreSpeed);
  for (let i = 0; i < vnfs; i++) rtt += forwardingDelayS(rng, d, perCoreSpeed);
  return rtt;
}
