/**
 * What a running vNF's JSON-line reports become for the Manager (pure): the Agent relays
 * notifications as `notification` events (kind and message as the vNF wrote them) and
 * measurements as `notification`s of kind "measurement-done" (answers to requests: ping,
 * traceroute, tcpdump) or "measurement" (periodic counters). A `monitoring` vNF with
 * `alertAboveBps` raises "attack-detected" (as the simulator's does) once its `in` side's bit rate,
 * from two successive counter reports, exceeds the threshold, again only after it fell back.
 */
import type { VnfNotification as ManagerNotification } from "../../orchestrator/events.ts";
import type { VnfReport } from "../vnf/reports.ts";

export interface ReportingVnf {
  id: string;
  ue: string;
  type: string;
  params: Record<string, unknown>;
}

/** Per-vNF memory of the monitor rule. */
export interface MonitorState {
  /** Last `in` rxBytes and when it was read, ms. */
  lastBytes?: number;
  lastMs?: number;
  alerted: boolean;
}

export function reportEvents(report: VnfReport, vnf: ReportingVnf, nowMs: number, monitor: MonitorState): ManagerNotification[] {
  const base = { type: "notification" as const, vnf: vnf.id, ue: vnf.ue };
  if (report.gnf === "notification") return [{ ...base, kind: report.kind, message: report.message, ...(report.data ? { data: report.data } : {}) }];
  if (report.gnf !== "measurement") return [];
  if (report.kind === "counters") return monitorAlert(report.data, vnf, nowMs, monitor);
  return [{ ...base, kind: report.request === undefined ? "measurement" : "measurement-done", message: `${report.kind} measurement from ${vnf.id}`, data: { kind: report.kind, ...(report.data ?? {}) } }];
}

function monitorAlert(data: Record<string, unknown> | null, vnf: ReportingVnf, nowMs: number, state: MonitorState): ManagerNotification[] {
  const threshold = vnf.params["alertAboveBps"];
  const bytes = (data?.["in"] as { rxBytes?: unknown } | undefined)?.rxBytes;
  if (typeof threshold !== "number" || typeof bytes !== "number") return [];
  const prev = state.lastBytes;
  const prevMs = state.lastMs;
  state.lastBytes = bytes;
  state.lastMs = nowMs;
  if (prev === undefined || prevMs === undefined || nowMs <= prevMs) return [];
  const rate = ((bytes - prev) * 8 * 1000) / (nowMs - prevMs);
  if (rate > threshold && !state.alerted) {
    state.alerted = true;
    return [{ type: "notification", vnf: vnf.id, ue: vnf.ue, kind: "attack-detected", message: `${vnf.ue} sends ${(rate / 1e6).toFixed(2)} Mbit/s through ${vnf.id} (alert above ${(threshold / 1e6).toFixed(2)} Mbit/s)`, data: { rateBps: Math.round(rate), thresholdBps: threshold } }];
  }
  if (rate <= threshold) state.alerted = false;
  return [];
}
