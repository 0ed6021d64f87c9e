/**
 * The scenario's `radio` section: one radio model for every cell (defaults: 2.4 GHz Wi-Fi
 * outdoors in a city — PL(1 m) = 40 dB, n = 3, 20 dBm, −85 dBm sensitivity, so a cell reaches
 * ≈ 215 m before its configured range cuts it off).
 *
 * @example
 *   radio: { exponent: 3.5, shadowingDb: 6, hysteresisDb: 3, timeToTriggerS: 0.32 }
 */
import { z } from "zod";

export const radioSchema = z
  .object({
    txPowerDbm: z.number().min(-30).max(60).default(20).describe("transmit power of every cell, dBm"),
    sensitivityDbm: z.number().min(-150).max(0).default(-85).describe("weakest usable received signal (RSSI), dBm"),
    referenceDistanceM: z.number().positive().default(1).describe("path-loss reference distance d0, m"),
    referenceLossDb: z.number().min(0).default(40).describe("path loss at d0, PL(d0), dB"),
    exponent: z.number().min(1).max(8).default(3).describe("path-loss exponent n: PL(d) = PL(d0) + 10 n log10(d / d0)"),
    shadowingDb: z.number().min(0).max(30).default(0).describe("log-normal shadowing standard deviation sigma, dB (0 = off)"),
    shadowingDecorrelationM: z.number().positive().default(50).describe("distance over which shadowing becomes independent, m"),
    hysteresisDb: z.number().min(0).max(30).default(3).describe("handover hysteresis: a neighbour must be this much stronger, dB"),
    timeToTriggerS: z.number().min(0).default(2).describe("handover time-to-trigger: the neighbour must stay stronger this long, s"),
  })
  .strict();

export type RadioConfig = z.output<typeof radioSchema>;
