/**
 * Log-distance path loss: PL(d) = PL(d0) + 10·n·log10(d/d0) dB for d ≥ d0 (PL(d0) below d0).
 * Received power (RSSI) = txPower − PL(d) − X, with X ~ N(0, σ²) dB log-normal shadowing when σ > 0
 * (see `ShadowingMap`). Defaults are typical of 2.4 GHz Wi-Fi outdoors in a city: PL(1 m) = 40 dB,
 * n = 3, 20 dBm.
 *
 * @example
 *   pathLossDb(100, { referenceDistanceM: 1, referenceLossDb: 40, exponent: 3 }); // 100 dB
 */
export interface PathLossParams {
  /** Reference distance d0, metres. */
  referenceDistanceM: number;
  /** Path loss at d0, dB. */
  referenceLossDb: number;
  /** Path-loss exponent n (2 free space, 2.7–3.5 urban, 4–6 indoor obstructed). */
  exponent: number;
}

/** Path loss at `distanceM` metres, dB (≥ PL(d0)). */
export function pathLossDb(distanceM: number, p: PathLossParams): number {
  const d = Math.max(distanceM, p.referenceDistanceM);
  return p.referenceLossDb + 10 * p.exponent * Math.log10(d / p.referenceDistanceM);
}

/** Received signal strength at `distanceM` metres from a `txPowerDbm` transmitter, without shadowing, dBm. */
export function rssiDbm(txPowerDbm: number, distanceM: number, p: PathLossParams): number {
  return txPowerDbm - pathLossDb(distanceM, p);
}
