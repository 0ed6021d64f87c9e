/**
 * The round-trip time packets gain by passing through vNFs (the calibration profile's
 * `forwarding`): each pass through one vNF adds an independent lognormal draw (mean, cv; seconds on
 * one reference core, divided by the host's per-core speed). The idle RTT through a chain of k
 * vNFs is the path's own RTT plus k such draws.
 */
import type { RandomStream } from "../../../base/rng.ts";
import { lognormalByMean } from "../calibration/lognormal.ts";

export interface ForwardingDelay {
  /** Mean added round-trip time per vNF, s on a reference core. */
  meanS: number;
  cv: number;
}

/** One vNF pass's added round-trip time, s, on a host of `perCoreSpeed`. */
export function forwardingDelayS(rng: RandomStream, d: ForwardingDelay, perCoreSpeed = 1): number {
  return lognormalByMean(rng, d.meanS, d.cv) / perCoreSpeed;
}

/** An idle RTT through `vnfs` vNFs: `baseS` (the path's RTT) plus one draw per vNF, s. */
export function chainRttS(rng: RandomStream, baseS: number, vnfs: number, d: ForwardingDelay, perCoreSpeed = 1): number {
  let rtt = baseS;
  for (let i = 0; i < vnfs; i++) rtt += forwardingDelayS(rng, d, perCoreSpeed);
  return rtt;
}
