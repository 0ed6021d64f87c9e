/**
 * Scenario keys `traffic` (the flows every UE sends) and `latency` (the queueing model).
 *
 * A flow has a kind, a packet size (bytes) and a rate given EITHER in bit/s OR in packets/s:
 * - `cbr`: constant bit rate, packets evenly spaced;
 * - `poisson`: packets with exponential inter-arrival times (the rate is the mean);
 * - `on-off`: CBR while on, silent while off; period lengths exponential or Pareto (heavy-tailed,
 *   shape α > 1) with the given means.
 * `destination` is `"internet"` (beyond the core network) or a node id of the topology (local).
 *
 * @example
 *   traffic:
 *     - { kind: cbr, rateBps: 2000000, packetBytes: 1200 }
 *     - { kind: poisson, packetsPerSecond: 50, packetBytes: 100, destination: gw-1 }
 *     - { kind: on-off, onRateBps: 8e6, meanOnS: 2 s, meanOffS: 8 s, periods: pareto, paretoShape: 1.5 }
 *   latency: { queueModel: md1 }
 */
import { z } from "zod";
import { seconds } from "../../base/units.ts";

const packetBytes = z.number().int().min(20).max(65535).default(1000).describe("bytes per packet (IP packet, 20–65535)");
const destination = z.string().min(1).default("internet").describe('"internet" (through the core network) or a node id of the topology (local traffic)');
const headers = z
  .record(z.string(), z.union([z.number().int().min(0), z.string().min(1)]))
  .default({})
  .describe("packet header fields by OpenFlow match name, e.g. { ip_proto: 6, tcp_dst: 80 }; eth_src, eth_type and ipv4_src come from the UE")
const startS = seconds({ allowZero: true }).default(0).describe("when the flow starts sending, seconds");
const stopS = seconds().optional().describe("when the flow stops sending, seconds (never when absent)");
const label = z.string().min(1).optional().describe("a name for the flow in results, matched by IDS signatures (e.g. \"mirai-flood\")");
const flowCommon = { headers, startS, stopS, label };
const rateBps = z.number().positive().optional().describe("rate, bit/s (give this or packetsPerSecond)");
const packetsPerSecond = z.number().positive().optional().describe("rate, packets/s (give this or rateBps)");

/** Exactly one of two rate keys. */
function oneRate<T extends Record<string, unknown>>(a: keyof T & string, b: keyof T & string) {
  return (flow: T, ctx: z.core.$RefinementCtx<T>) => {
    const count = (flow[a] === undefined ? 0 : 1) + (flow[b] === undefined ? 0 : 1);
    if (count !== 1) {
      const why = count === 0 ? "neither is given" : `${a} is given too`;
      ctx.addIssue({ code: "custom", path: [count === 0 ? a : b], message: `expected exactly one of ${a} (bit/s) or ${b} (packets/s) (${why})` });
    }
  };
}

/** stopS, when given, must come after startS. */
function activeWindow(flow: { startS: number; stopS?: number | undefined }, ctx: z.core.$RefinementCtx<{ startS: number; stopS?: number | undefined }>): void {
  if (flow.stopS !== undefined && flow.stopS <= flow.startS) ctx.addIssue({ code: "custom", path: ["stopS"], message: `expected stopS after startS (${flow.startS} s), found ${flow.stopS} s` });
}

const cbrFlowSchema = z
  .object({ kind: z.literal("cbr").describe("constant bit rate"), rateBps, packetsPerSecond, packetBytes, destination, ...flowCommon })
  .strict()
  .superRefine(oneRate("rateBps", "packetsPerSecond"))
  .superRefine(activeWindow);

const poissonFlowSchema = z
  .object({ kind: z.literal("poisson").describe("Poisson packet arrivals"), packetsPerSecond, rateBps, packetBytes, destination, ...flowCommon })
  .strict()
  .superRefine(oneRate("rateBps", "packetsPerSecond"))
  .superRefine(activeWindow);

const onOffFlowSchema = z
  .object({
    kind: z.literal("on-off").describe("CBR while on, silent while off"),
    onRateBps: z.number().positive().optional().describe("rate while on, bit/s (give this or onPacketsPerSecond)"),
    onPacketsPerSecond: z.number().positive().optional().describe("rate while on, packets/s (give this or onRateBps)"),
    meanOnS: seconds().describe("mean length of an on period, seconds"),
    meanOffS: seconds().describe("mean length of an off period, seconds"),
    periods: z.enum(["exponential", "pareto"]).default("exponential").describe("distribution of period lengths"),
    paretoShape: z.number().gt(1).default(1.5).describe("Pareto shape α (> 1 for a finite mean; < 2: infinite variance)"),
    packetBytes,
    destination,
    ...flowCommon,
  })
  .strict()
  .superRefine(oneRate("onRateBps", "onPacketsPerSecond"))
  .superRefine(activeWindow);

export const flowSchema = z.discriminatedUnion("kind", [cbrFlowSchema, poissonFlowSchema, onOffFlowSchema]).describe("a flow a UE sends");

/** A validated flow (defaults filled in, exactly one rate key set). */
export type Flow = z.output<typeof flowSchema>;
export type OnOffFlow = Extract<Flow, { kind: "on-off" }>;

export const trafficSchema = z.array(flowSchema).default([]).describe("flows every UE sends");
