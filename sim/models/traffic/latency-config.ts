/**
 * The latency model's configuration: the queueing model of the vNFs and their buffer.
 */
import { z } from "zod";

/** Queueing model of loaded devices: M/M/1 (exponential service) or M/D/1 (constant service). */
export const queueModelSchema = z.enum(["mm1", "md1"]).describe("mm1: exponential service (M/M/1/K, exact); md1: constant service (M/D/1/K, approximated by M/M/1/2K with waits halved)");

/**
 * Default vNF buffer, packets. ASSUMPTION: Linux's defaults of 1,000 packets for a device's
 * transmit queue (`txqueuelen`, also veth's) and the receive backlog (`net.core.netdev_max_backlog`).
 */
export const DEFAULT_BUFFER_PACKETS = 1000;

export const latencySchema = z
  .object({
    queueModel: queueModelSchema.default("mm1"),
    bufferPackets: z
      .number()
      .int()
      .min(1)
      .default(DEFAULT_BUFFER_PACKETS)
      .describe("packets a vNF's queue holds (in service + waiting); a saturated vNF drops the excess. Default 1000: Linux's txqueuelen and netdev_max_backlog (an assumption)"),
  })
  .strict()
  .describe("how flow latency is computed: propagation + per-hop + vNF processing (lognormal jitter) + queueing at a finite buffer (waits drawn per sample)");

export type LatencyConfig = z.output<typeof latencySchema>;
