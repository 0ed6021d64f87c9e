/**
 * Parameters of each vNF image and their environment variables (`GNF_*`, read by the entrypoint
 * scripts in `scripts/`, where each variable is documented). `vnfEnvironment` validates a spec and
 * returns the `KEY=value` list for the container; the scripts check again and report
 * `{"gnf":"error"}` on what they reject.
 *
 * Example: `vnfEnvironment({ kind: "firewall", drop: ["tcp:5001"] })` → ["GNF_FW_DROP=tcp:5001"].
 */
import { UserError } from "../../base/errors.ts";
import type { VnfKind } from "./catalog.ts";

/** A firewall rule: `tcp:PORT`, `tcp:PORT-PORT`, `udp:…`, `tcp`, `udp`, `icmp` or `all`. */
export type FirewallRule = string;

export type VnfSpec =
  | { kind: "wire" }
  | {
      kind: "firewall";
      /** Rules whose traffic is dropped. */
      drop?: FirewallRule[];
      /** Rules whose traffic is accepted (checked before `drop`). */
      allow?: FirewallRule[];
      /** What happens to other traffic (default accept); with drop, replies of accepted connections pass. */
      defaultPolicy?: "accept" | "drop";
      /** Period of "firewall-drop" notifications, ms (0 or absent: none). */
      reportMs?: number;
    }
  | {
      kind: "rate-limiter";
      /** Rate in bit/s. */
      rateBitsPerSecond: number;
      /** Token bucket size, bytes (default: tc's). */
      burstBytes?: number;
      /** Shape in → out only ("out", default) or both directions. */
      sides?: "out" | "both";
    }
  | {
      kind: "ddos-dropper";
      /** IPv4 addresses or prefixes whose traffic is dropped. */
      sources: string[];
      /** Period of "ddos-dropped" notifications, ms (default 1000; 0: none). */
      reportMs?: number;
    }
  | {
      kind: "http-filter";
      /** Substrings of the request line to block, case-sensitive (e.g. "/admin"). */
      urls?: string[];
      /** Host names to block (matches "Host: NAME", case-insensitive). */
      hosts?: string[];
      /** TCP ports of HTTP servers (default [80]). */
      ports?: number[];
      /** Period of "http-blocked" notifications, ms (default 1000; 0: none). */
      reportMs?: number;
    }
  | {
      kind: "monitor";
      /** Period of "counters" measurements, ms (default 1000). */
      intervalMs?: number;
    }
  | {
      kind: "troubleshoot";
      /** The vNF's own IPv4 address with prefix length (e.g. "10.0.0.100/24"), needed for ping/traceroute. */
      address?: string;
      /** MAC address of the vNF's bridge (so the controller can steer its own traffic). */
      mac?: string;
    }
  | {
      kind: "ids-lite";
      /** Signatures: a name ([A-Za-z0-9_.-]) and a byte string to look for in packets. */
      signatures: { name: string; pattern: string }[];
      /** Counter polling period, ms (default 500). */
      intervalMs?: number;
    };

/** The parameters of a vNF of kind K. */
export type VnfParams<K extends VnfKind> = Omit<Extract<VnfSpec, { kind: K }>, "kind">;

const RULE = /^(?:(?:tcp|udp):\d{1,5}(?:-\d{1,5})?|tcp|udp|icmp|all)$/;
const IPV4_PREFIX = /^(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?$/;
const MAC = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/i;
const NAME = /^[A-Za-z0-9_.-]{1,32}$/;
/** xt_string takes patterns of 1 … 128 bytes; printable ASCII keeps them safe in shell and JSON. */
const PATTERN = /^[\x20-\x7e]{1,128}$/;

function fail(kind: string, what: string): never {
  throw new UserError(`vNF ${kind}: ${what}`);
}

function checkMs(kind: string, key: string, v: number | undefined, allowZero: boolean): void {
  if (v === undefined) return;
  if (!Number.isInteger(v) || v < (allowZero ? 0 : 1)) fail(kind, `${key} must be an integer number of ms ${allowZero ? "≥ 0" : "> 0"}, got ${v}`);
}

function checkIpv4(kind: string, key: string, v: string): void {
  const [addr, len] = v.split("/");
  const octetsOk = (addr ?? "").split(".").every((o) => Number(o) <= 255);
  if (!IPV4_PREFIX.test(v) || !octetsOk || (len !== undefined && Number(len) > 32)) fail(kind, `${key}: "${v}" is not an IPv4 address or prefix (a.b.c.d or a.b.c.d/len)`);
}

function checkPort(kind: string, key: string, p: number): void {
  if (!Number.isInteger(p) || p < 1 || p > 65535) fail(kind, `${key}: port ${p} must be an integer in [1, 65535]`);
}

function checkRule(kind: string, key: string, rule: string): void {
  if (!RULE.test(rule)) fail(kind, `${key}: rule "${rule}" must be tcp:PORT, tcp:PORT-PORT, udp:…, tcp, udp, icmp or all`);
  for (const p of rule.split(":")[1]?.split("-") ?? []) checkPort(kind, key, Number(p));
}

function checkPattern(kind: string, key: string, p: string): void {
  if (!PATTERN.test(p)) fail(kind, `${key}: pattern ${JSON.stringify(p)} must be 1 … 128 printable ASCII characters`);
}

/** Validates `spec` and returns its environment variables as `KEY=value` strings. */
export function vnfEnvironment(spec: VnfSpec): string[] {
  const env: string[] = [];
  const set = (k: string, v: string | number | undefined): void => {
    if (v !== undefined) env.push(`${k}=${v}`);
  };
  switch (spec.kind) {
    case "wire":
      break;
    case "firewall": {
      for (const r of spec.drop ?? []) checkRule(spec.kind, "drop", r);
      for (const r of spec.allow ?? []) checkRule(spec.kind, "allow", r);
      if (spec.defaultPolicy !== undefined && spec.defaultPolicy !== "accept" && spec.defaultPolicy !== "drop") fail(spec.kind, `defaultPolicy must be accept or drop`);
      checkMs(spec.kind, "reportMs", spec.reportMs, true);
      if (spec.drop?.length) set("GNF_FW_DROP", spec.drop.join(" "));
      if (spec.allow?.length) set("GNF_FW_ALLOW", spec.allow.join(" "));
      set("GNF_FW_DEFAULT", spec.defaultPolicy);
      set("GNF_REPORT_MS", spec.reportMs);
      break;
    }
    case "rate-limiter": {
      if (!Number.isInteger(spec.rateBitsPerSecond) || spec.rateBitsPerSecond < 8) fail(spec.kind, `rateBitsPerSecond must be an integer ≥ 8 bit/s, got ${spec.rateBitsPerSecond}`);
      if (spec.burstBytes !== undefined && (!Number.isInteger(spec.burstBytes) || spec.burstBytes < 1)) fail(spec.kind, `burstBytes must be a positive integer, got ${spec.burstBytes}`);
      if (spec.sides !== undefined && spec.sides !== "out" && spec.sides !== "both") fail(spec.kind, `sides must be out or both`);
      set("GNF_RATE_BPS", spec.rateBitsPerSecond);
      set("GNF_BURST_BYTES", spec.burstBytes);
      set("GNF_RATE_SIDES", spec.sides);
      break;
    }
    case "ddos-dropper": {
      if (spec.sources.length === 0) fail(spec.kind, "sources is empty: give the addresses or prefixes to drop");
      for (const s of spec.sources) checkIpv4(spec.kind, "sources", s);
      checkMs(spec.kind, "reportMs", spec.reportMs, true);
      set("GNF_DROP_SOURCES", spec.sources.join(" "));
      set("GNF_REPORT_MS", spec.reportMs);
      break;
    }
    case "http-filter": {
      const urls = spec.urls ?? [];
      const hosts = spec.hosts ?? [];
      if (urls.length + hosts.length === 0) fail(spec.kind, "give at least one of urls or hosts to block");
      urls.forEach((u, i) => {
        checkPattern(spec.kind, "urls", u);
        set(`GNF_HTTP_URL_${i + 1}`, u);
      });
      hosts.forEach((h, i) => {
        checkPattern(spec.kind, "hosts", h);
        set(`GNF_HTTP_HOST_${i + 1}`, h);
      });
      for (const p of spec.ports ?? []) checkPort(spec.kind, "ports", p);
      if (spec.ports?.length) set("GNF_HTTP_PORTS", spec.ports.join(","));
      checkMs(spec.kind, "reportMs", spec.reportMs, true);
      set("GNF_REPORT_MS", spec.reportMs);
      break;
    }
    case "monitor":
      checkMs(spec.kind, "intervalMs", spec.intervalMs, false);
      set("GNF_INTERVAL_MS", spec.intervalMs);
      break;
    case "troubleshoot":
      if (spec.address !== undefined) {
        if (!spec.address.includes("/")) fail(spec.kind, `address "${spec.address}" needs a prefix length, e.g. 10.0.0.100/24`);
        checkIpv4(spec.kind, "address", spec.address);
      }
      if (spec.mac !== undefined && !MAC.test(spec.mac)) fail(spec.kind, `mac "${spec.mac}" is not a MAC address (aa:bb:cc:dd:ee:ff)`);
      set("GNF_ADDRESS", spec.address);
      set("GNF_MAC", spec.mac);
      break;
    case "ids-lite": {
      if (spec.signatures.length === 0) fail(spec.kind, "signatures is empty");
      const names = new Set<string>();
      spec.signatures.forEach((s, i) => {
        if (!NAME.test(s.name)) fail(spec.kind, `signature name "${s.name}" must be 1 … 32 of A-Z a-z 0-9 _ . -`);
        if (names.has(s.name)) fail(spec.kind, `signature name "${s.name}" appears twice`);
        names.add(s.name);
        checkPattern(spec.kind, `signature ${s.name}`, s.pattern);
        set(`GNF_IDS_NAME_${i + 1}`, s.name);
        set(`GNF_IDS_PATTERN_${i + 1}`, s.pattern);
      });
      checkMs(spec.kind, "intervalMs", spec.intervalMs, false);
      set("GNF_INTERVAL_MS", spec.intervalMs);
      break;
    }
    default:
      fail((spec as { kind: string }).kind, `unknown vNF kind`);
  }
  return env;
}
