/**
 * Per-UE traffic flows (schemas in `config.ts`): mean rates for the flow level, a flow-level rate
 * process (on/off switching) and a packet-level arrival process for validation.
 */
import type { Environment } from "../../engine/environment.ts";
import type { RandomStream } from "../../../base/rng.ts";
import type { Flow, OnOffFlow } from "../../../deployment/traffic/flow-config.ts";

export { flowSchema, type Flow } from "../../../deployment/traffic/flow-config.ts";
export { peakPacketRate, activeFraction, meanPacketRate, meanBitRate } from "../../../deployment/traffic/rates.ts";
import { meanBitRate, peakPacketRate } from "../../../deployment/traffic/rates.ts";

/**
 * An on/off period length with the given mean, seconds: exponential, or Pareto with shape α and
 * scale xm = mean · (α − 1) / α (so its mean is `mean`).
 */
export function periodLength(rng: RandomStream, mean: number, flow: OnOffFlow): number {
  if (flow.periods === "exponential") return rng.exponential(mean);
  const a = flow.paretoShape;
  return rng.pareto(a, (mean * (a - 1)) / a);
}

/**
 * Flow level: calls `onRate(time, bitsPerSecond)` whenever the flow's rate changes, until `until`
 * (s). CBR and Poisson flows report their mean rate once at the start; on/off flows report the on
 * rate and 0 at every switch (starting on). Draws from `rng` only for on/off flows.
 */
export function rateChanges(env: Environment, flow: Flow, rng: RandomStream, until: number, onRate: (time: number, bitsPerSecond: number) => void) {
  return env.process(function* () {
    if (flow.kind !== "on-off") {
      onRate(env.now, meanBitRate(flow));
      return;
    }
    const onBps = peakPacketRate(flow) * flow.packetBytes * 8;
    for (;;) {
      onRate(env.now, onBps);
      yield env.timeout(Math.min(periodLength(rng, flow.meanOnS, flow), Math.max(until - env.now, 0)));
      if (env.now >= until) return;
      onRate(env.now, 0);
      yield env.timeout(Math.min(periodLength(rng, flow.meanOffS, flow), Math.max(until - env.now, 0)));
      if (env.now >= until) return;
    }
  }, `flow rate ${flow.kind}`);
}

/**
 * Packet level: calls `onPacket(time)` for every packet of the flow sent before `until` (s).
 * CBR: every 1/rate s; Poisson: exponential gaps of mean 1/rate; on/off: CBR packets within each
 * on period (the first one gap after it starts), none while off.
 */
export function packetArrivals(env: Environment, flow: Flow, rng: RandomStream, until: number, onPacket: (time: number) => void) {
  const gap = 1 / peakPacketRate(flow);
  return env.process(function* () {
    if (flow.kind === "poisson") {
      for (;;) {
        yield env.timeout(rng.exponential(gap));
        if (env.now >= until) return;
        onPacket(env.now);
      }
    }
    if (flow.kind === "cbr") {
      for (;;) {
        yield env.timeout(gap);
        if (env.now >= until) return;
        onPacket(env.now);
      }
    }
    for (;;) {
      const onEnds = env.now + periodLength(rng, flow.meanOnS, flow);
      while (env.now + gap <= onEnds) {
        yield env.timeout(gap);
        if (env.now >= until) return;
        onPacket(env.now);
      }
      yield env.timeout(onEnds - env.now + periodLength(rng, flow.meanOffS, flow));
      if (env.now >= until) return;
    }
  }, `flow ${flow.kind}`);
}
