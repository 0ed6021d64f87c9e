/**
 * Per-UE traffic flows: constant bit rate, Poisson packets, or on/off (exponential or Pareto
 * period lengths, CBR while on). Destinations: the internet (through the core) or a local node.
 * The flow level uses mean rates; `packetArrivals` generates packets in the DES for validation.
 */
import { z } from "zod";
import type { Environment } from "../../engine/environment.ts";
import type { RandomStream } from "../../engine/rng.ts";

const packetBytes = z.number().int().min(20).max(65535).default(1000).describe("bytes per packet");
const destination = z.string().default("internet").describe('"internet" or a node id of the topology');

export const flowSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("cbr"), rateBps: z.number().positive().describe("bit/s"), packetBytes, destination }).strict(),
  z.object({ kind: z.literal("poisson"), packetsPerSecond: z.number().positive(), packetBytes, destination }).strict(),
  z
    .object({
      kind: z.literal("on-off"),
      onRateBps: z.number().positive().describe("bit/s while on"),
      meanOnS: z.number().positive(),
      meanOffS: z.number().positive(),
      periods: z.enum(["exponential", "pareto"]).default("exponential"),
      paretoShape: z.number().gt(1).default(1.5),
      packetBytes,
      destination,
    })
    .strict(),
]);

export type Flow = z.output<typeof flowSchema>;

/** Long-run mean packet rate, packets/s. */
export function meanPacketRate(flow: Flow): number {
  switch (flow.kind) {
    case "cbr":
      return flow.rateBps / (8 * flow.packetBytes);
    case "poisson":
      return flow.packetsPerSecond;
    case "on-off":
      return (flow.onRateBps / (8 * flow.packetBytes)) * (flow.meanOnS / (flow.meanOnS + flow.meanOffS));
  }
}

/** Long-run mean bit rate, bit/s. */
export function meanBitRate(flow: Flow): number {
  return meanPacketRate(flow) * flow.packetBytes * 8;
}

/** A period length with the given mean: exponential, or Pareto with shape α (scale α−1/α · mean). */
function period(rng: RandomStream, mean: number, flow: Extract<Flow, { kind: "on-off" }>): number {
  if (flow.periods === "exponential") return rng.exponential(mean);
  const a = flow.paretoShape;
  return rng.pareto(a, (mean * (a - 1)) / a);
}

/** Starts a process calling `onPacket(time)` for every packet of the flow, until `until` (s). */
export function packetArrivals(env: Environment, flow: Flow, rng: RandomStream, until: number, onPacket: (time: number) => void) {
  return env.process(function* () {
    if (flow.kind === "poisson") {
      for (;;) {
        yield env.timeout(rng.exponential(1 / flow.packetsPerSecond));
        if (env.now >= until) return;
        onPacket(env.now);
      }
    }
    if (flow.kind === "cbr") {
      const gap = (8 * flow.packetBytes) / flow.rateBps;
      for (;;) {
        yield env.timeout(gap);
        if (env.now >= until) return;
        onPacket(env.now);
      }
    }
    const gap = (8 * flow.packetBytes) / flow.onRateBps;
    for (;;) {
      const onEnds = env.now + period(rng, flow.meanOnS, flow);
      while (env.now + gap <= onEnds) {
        yield env.timeout(gap);
        if (env.now >= until) return;
        onPacket(env.now);
      }
      yield env.timeout(onEnds - env.now + period(rng, flow.meanOffS, flow));
      if (env.now >= until) return;
    }
  }, `flow ${flow.kind}`);
}
