/**
 * Roaming interruption, measured by the emulation backend (emu-base: `runEmulation`): the default
 * scenario sped up as in `emulate-roaming.integration.test.ts` (a phone walking past
 * home routers at 3.5 m/s so the first handover is due at ~11 s, 24 s of wall time, a 50 packet/s
 * UDP probe flow beside the web flow). The interruption is the backend's own metric
 * `handover.interruptionMeanMs`: from the handover (UE's host moved to the new edge switch) until
 * its chain is steered at the new access node (make-before-break: first a detour to the old
 * instances; break-before-make: through the migrated vNFs); the probe flows' losses
 * are kept beside it. `measureRoamingRun(mode)` runs it with the Manager's migration mode set
 * (`manager.migration=…`) and returns every handover's interruption.
 */
import { fileURLToPath } from "node:url";
import { loadScenarioFile } from "../load.ts";
import type { RoamingResult } from "../../emulation/harness/fig2.ts";
import type { MigrationMode, RoamingRun } from "../../emulation/harness/index.ts";
import type { EmulationOutput } from "../../emulation/backend/emulation-run.ts";
import { emulateScenario } from "./emulate.ts";

export type { RoamingResult, RoamingRun };

export const ROAMING_OVERRIDES = [
  "duration=24",
  "ues.mobility.speed=3.5",
  "traffic=[{kind: cbr, rateBps: 2000000, packetBytes: 1200, destination: internet, headers: {ip_proto: 6, tcp_dst: 80}, label: web}, {kind: cbr, packetsPerSecond: 50, packetBytes: 200, destination: internet, headers: {ip_proto: 17, udp_dst: 53}, label: dns}]",
];

async function runRoaming(overrides: readonly string[], log?: (line: string) => void): Promise<EmulationOutput> {
  const file = fileURLToPath(new URL("../../scenarios/default.yaml", import.meta.url));
  const { scenario } = loadScenarioFile(file, { overrides: [...ROAMING_OVERRIDES, ...overrides] });
  // every device as the lab machine: the simulator's side of the roaming validation runs so (`labDevices`)
  return emulateScenario(scenario, scenario.seed, log ? { log } : {}, "lab");
}

function rowsOf(out: EmulationOutput, name: string): Record<string, unknown>[] {
  const t = out.tables.find((x) => x.name === name);
  return (t?.rows ?? []).map((r) => Object.fromEntries(t?.columns.map((c, i) => [c, r[i]]) ?? []));
}

function probesOf(out: EmulationOutput): RoamingResult["probes"] {
  return rowsOf(out, "probe_flows").map((r) => ({ label: String(r["label"]), sent: Number(r["sent"]), lost: Number(r["lost"]) }));
}

export async function measureRoaming(log?: (line: string) => void): Promise<RoamingResult> {
  const out = await runRoaming([], log);
  const value = (name: string): number => out.metrics[name]?.value ?? NaN;
  return { interruptions: value("handover.interruptions"), interruptionMeanMs: value("handover.interruptionMeanMs"), interruptionP95Ms: value("handover.interruptionP95Ms"), probes: probesOf(out) };
}

/** One run with the Manager migrating `mode`: every handover's interruption (ms, resolved or cut at the end) and the probe packets of all flows. */
export async function measureRoamingRun(mode: MigrationMode, log?: (line: string) => void): Promise<RoamingRun> {
  const out = await runRoaming([`manager.migration=${mode}`], log);
  const handovers = rowsOf(out, "handover_interruptions").map((r) => ({ from: String(r["from"]), to: String(r["to"]), interruptionMs: Number(r["interruption_ms"]), resolved: r["resolved"] === true }));
  const probes = probesOf(out);
  const stateTransfersMs = rowsOf(out, "migrations")
    .filter((m) => m["outcome"] === "completed" && m["ready_s"] !== null && m["state_transferred_s"] !== null)
    .map((m) => (Number(m["state_transferred_s"]) - Number(m["ready_s"])) * 1000);
  return { handovers, stateTransfersMs, probeSent: probes.reduce((s, p) => s + p.sent, 0), probeLost: probes.reduce((s, p) => s + p.lost, 0) };
}
