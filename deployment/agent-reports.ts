/**
 * What the GNF Agents report (paper §IV), the same records in both worlds: the Manager's own
 * client and device events (`orchestrator/events.ts`) stamped with the time they happened
 * (seconds of the run's clock: simulated time in the simulator, the backend clock in the lab).
 * The simulator's Agents (`sim/models/agent-reports/`) and the lab's (`emulation/agent/`) emit
 * these; a backend forwards them to the Manager without the `time`.
 *
 * @example { type: "ue-handover", time: 44, ue: "ue-0", from: "e-0-0", to: "e-0-1", rssiDbm: -52.1, packets: 880 }
 */
import type { DeviceReport as ManagerDeviceReport, UeConnected, UeDisconnected, UeHandover } from "../orchestrator/events.ts";

/** An Agent's record: a Manager event plus when it happened, s. */
export type Timed<E> = E & { time: number };

/** A UE associated with `device` (HostAPD "AP-STA-CONNECTED"). */
export type UeConnectedReport = Timed<UeConnected>;
/** A UE left `device` with no other cell to go to (HostAPD "AP-STA-DISCONNECTED"); `rssiDbm` is NaN when it is already out of range. */
export type UeDisconnectedReport = Timed<UeDisconnected>;
/** A UE roamed from `from` to `to` (a disconnect at `from` and a connect at `to` at once). */
export type UeHandoverReport = Timed<UeHandover>;

/** What an Agent tells the Manager about Wi-Fi clients. */
export type ClientEvent = UeConnectedReport | UeDisconnectedReport | UeHandoverReport;

/** A periodic report from a device's Agent: the Manager's `device-report` plus the clients' mean RSSI, dBm (NaN without clients). */
export type DeviceReport = Timed<ManagerDeviceReport> & { meanRssiDbm: number };

/** Each UE's first cell (UEs that never connect are absent). */
export function firstCells(timeline: readonly ClientEvent[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of timeline) if (e.type === "ue-connected" && !out.has(e.ue)) out.set(e.ue, e.device);
  return out;
}
