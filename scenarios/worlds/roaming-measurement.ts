/**
 * Roaming interruption, measured by the emulation backend (emu-base: `runEmulation`): the default
 * scenario sped up as in `emulate-roaming.integration.test.ts` (a phone walking past
 * home routers at 3.5 m/s so the first handover is due at ~11 s, 24 s of wall time, a 50 packet/s
 * UDP probe flow beside the web flow). The interruption is the backend's own metric
 * `handover.interruptionMeanMs`: from the handover (UE's host moved to the new edge switch) until
 * its chain is steered at the new access node through the migrated vNF; the probe flows' losses
 * are kept beside it.
 */
import { fileURLToPath } from "node:url";
import { loadScenarioFile } from "../load.ts";
import type { RoamingResult } from "../../emulation/harness/fig2.ts";
import { emulateScenario } from "./emulate.ts";

export type { RoamingResult };

export const ROAMING_OVERRIDES = [
  "duration=24",
  "ues.mobility.speed=3.5",
  "traffic=[{kind: cbr, rateBps: 2000000, packetBytes: 1200, destination: internet, headers: {ip_proto: 6, tcp_dst: 80}, label: web}, {kind: cbr, packetsPerSecond: 50, packetBytes: 200, destination: internet, headers: {ip_proto: 17, udp_dst: 53}, label: dns}]",
];

export async function measureRoaming(log?: (line: string) => void): Promise<RoamingResult> {
  const file = fileURLToPath(new URL("../../scenarios/default.yaml", import.meta.url));
  const { scenario } = loadScenarioFile(file, { overrides: ROAMING_OVERRIDES });
  const out = await emulateScenario(scenario, scenario.seed, log ? { log } : {});
  const value = (name: string): number => out.metrics[name]?.value ?? NaN;
  const table = out.tables.find((t) => t.name === "probe_flows");
  const col = (name: string): number => table?.columns.indexOf(name) ?? -1;
  const probes = (table?.rows ?? []).map((r) => ({ label: String(r[col("label")]), sent: Number(r[col("sent")]), lost: Number(r[col("lost")]) }));
  return { interruptions: value("handover.interruptions"), interruptionMeanMs: value("handover.interruptionMeanMs"), interruptionP95Ms: value("handover.interruptionP95Ms"), probes };
}
