/** The scenario's `agents` section: how often each edge device's Agent reports. */
import { z } from "zod";

export const agentsSchema = z
  .object({
    reportIntervalS: z.number().positive().max(86_400).default(10).describe("period of the device reports (CPU, memory, Wi-Fi clients, mean RSSI), s"),
  })
  .strict();

export type AgentsConfig = z.output<typeof agentsSchema>;
