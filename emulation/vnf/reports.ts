/**
 * What a vNF reports on stdout, one JSON object a line (contract in
 * `emulation/images/scripts/lib.sh`): ready, notifications (alerts for the GNF Manager),
 * measurements (periodic counters, answers to requests) and errors.
 */
export interface VnfReady {
  gnf: "ready";
}

export interface VnfNotification {
  gnf: "notification";
  /** E.g. "ids-alert", "ddos-dropped", "http-blocked", "firewall-drop". */
  kind: string;
  message: string;
  data: Record<string, unknown> | null;
}

export interface VnfMeasurement {
  gnf: "measurement";
  /** E.g. "counters", "ping", "traceroute", "tcpdump", "request-failed". */
  kind: string;
  /** Id of the request this answers (troubleshoot). */
  request?: string;
  data: Record<string, unknown> | null;
}

export interface VnfErrorReport {
  gnf: "error";
  message: string;
}

export type VnfReport = VnfReady | VnfNotification | VnfMeasurement | VnfErrorReport;

/** A stdout line as a report, or null if it is not one (other output is kept as text). */
export function parseReport(line: string): VnfReport | null {
  const text = line.trim();
  if (!text.startsWith("{")) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const o = value as Record<string, unknown>;
  const data = (d: unknown): Record<string, unknown> | null => (typeof d === "object" && d !== null && !Array.isArray(d) ? (d as Record<string, unknown>) : null);
  switch (o["gnf"]) {
    case "ready":
      return { gnf: "ready" };
    case "notification":
      if (typeof o["kind"] !== "string" || typeof o["message"] !== "string") return null;
      return { gnf: "notification", kind: o["kind"], message: o["message"], data: data(o["data"]) };
    case "measurement": {
      if (typeof o["kind"] !== "string") return null;
      const m: VnfMeasurement = { gnf: "measurement", kind: o["kind"], data: data(o["data"]) };
      if (typeof o["request"] === "string") m.request = o["request"];
      return m;
    }
    case "error":
      return typeof o["message"] === "string" ? { gnf: "error", message: o["message"] } : null;
    default:
      return null;
  }
}
