/**
 * The vNF catalog as the simulated data plane forwards with it: a calibration profile's fitted
 * `forwarding` replaces the catalog's assumed forwarding values, except those the scenario's `vnfs`
 * section sets itself. The Manager keeps the configured catalog (its demand estimates are its
 * configuration, the same in both worlds); only the simulated physics change.
 *
 * - `processingDelayS`: one pass through a vNF is half the round-trip time the lab measured per
 *   `wire` vNF (its ping passes every vNF twice, there and back); the other types keep the
 *   catalog's ratio to `wire` (an assumption: the lab's RTT campaign chains `wire` vNFs only).
 * - `processingCv`: the fitted cv × √2 (a round trip's added time is two independent passes), at
 *   most 5 (the schema's bound).
 * - `cpuPerPacketS`: the fitted bottleneck time per packet of the types the lab saturated
 *   (`forwarding.perPacketS`).
 * Without a fitted `forwarding` the catalog is returned unchanged. A fitted chain entry (charged once
 * per chain, not per type) is `forwardingEntry`'s. Pure.
 */
import type { VnfType } from "../../../deployment/vnfs/types.ts";
import type { VnfOverrides } from "../../../deployment/vnfs/config.ts";
import type { Calibration } from "./profile.ts";

const MAX_CV = 5;

export function forwardingCatalog(catalog: Readonly<Record<string, VnfType>>, calibration: Calibration, configured: VnfOverrides = {}): Readonly<Record<string, VnfType>> {
  const fitted = calibration.forwarding;
  const wire = catalog["wire"];
  if (fitted === undefined || wire === undefined) return catalog;
  const wirePassS = fitted.meanS / 2;
  const passCv = Math.min(MAX_CV, fitted.cv * Math.SQRT2);
  const out: Record<string, VnfType> = {};
  for (const [name, type] of Object.entries(catalog)) {
    const own = (configured as Record<string, Partial<VnfType> | undefined>)[name] ?? {};
    const processingDelayS = own.processingDelayS ?? (wire.processingDelayS > 0 ? (wirePassS * type.processingDelayS) / wire.processingDelayS : wirePassS);
    const processingCv = own.processingCv ?? passCv;
    const cpuPerPacketS = own.cpuPerPacketS ?? fitted.perPacketS?.[name] ?? type.cpuPerPacketS;
    out[name] = { ...type, processingDelayS, processingCv, cpuPerPacketS };
  }
  return out;
}

/**
 * The one-way delay a chain adds once at its first vNF: half the fitted round-trip entry (the lab's
 * ping enters the chain twice, there and back), cv × √2 (at most 5); undefined without a fitted entry.
 */
export function forwardingEntry(calibration: Calibration): { delayS: number; cv: number } | undefined {
  const fitted = calibration.forwarding;
  if (fitted?.entryMeanS === undefined || !(fitted.entryMeanS > 0)) return undefined;
  return { delayS: fitted.entryMeanS / 2, cv: Math.min(MAX_CV, (fitted.entryCv ?? 0) * Math.SQRT2) };
}
