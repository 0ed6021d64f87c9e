/**
 * Long-run rates of a traffic flow (pure functions of its configuration): packets/s and bit/s.
 */
import type { Flow } from "./flow-config.ts";

/** Packets/s while the flow sends (for on/off: while on). */
export function peakPacketRate(flow: Flow): number {
  if (flow.kind === "on-off") return flow.onPacketsPerSecond ?? (flow.onRateBps as number) / (8 * flow.packetBytes);
  return flow.packetsPerSecond ?? (flow.rateBps as number) / (8 * flow.packetBytes);
}

/** Fraction of time an on/off flow is on: meanOn / (meanOn + meanOff); 1 for the others. */
export function activeFraction(flow: Flow): number {
  return flow.kind === "on-off" ? flow.meanOnS / (flow.meanOnS + flow.meanOffS) : 1;
}

/** Long-run mean packet rate, packets/s. */
export function meanPacketRate(flow: Flow): number {
  return peakPacketRate(flow) * activeFraction(flow);
}

/** Long-run mean bit rate, bit/s. */
export function meanBitRate(flow: Flow): number {
  return meanPacketRate(flow) * flow.packetBytes * 8;
}
