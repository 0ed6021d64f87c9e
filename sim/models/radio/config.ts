/** The scenario's `radio` section (defaults: 2.4 GHz Wi-Fi outdoors in a city). */
import { z } from "zod";

export const radioSchema = z
  .object({
    txPowerDbm: z.number().default(20).describe("transmit power, dBm"),
    sensitivityDbm: z.number().default(-85).describe("weakest usable signal, dBm"),
    referenceDistanceM: z.number().positive().default(1).describe("path-loss reference distance d0, m"),
    referenceLossDb: z.number().min(0).default(40).describe("path loss at d0, dB"),
    exponent: z.number().min(1).max(8).default(3).describe("path-loss exponent n"),
    shadowingDb: z.number().min(0).default(0).describe("log-normal shadowing sigma, dB (0 = off)"),
    hysteresisDb: z.number().min(0).default(3).describe("handover hysteresis, dB"),
    timeToTriggerS: z.number().min(0).default(2).describe("handover time-to-trigger, s"),
  })
  .strict();

export type RadioConfig = z.output<typeof radioSchema>;
