/**
 * The catalog's vNF type names and chain parameters (what the Manager's `start-vnf` carries) as
 * the lab's image kinds and image parameters (`emulation/images/params.ts`). Pure.
 *
 *   wire            → wire
 *   firewall        → firewall      allowTcp/allowUdp/dropTcp/dropUdp: [ports] → allow/drop rules
 *                                   "tcp:P"/"udp:P"; with any allow rule the default policy is drop
 *                                   (only allowed traffic of the selected packets passes); drop,
 *                                   allow, defaultPolicy, reportMs pass through
 *   rate-limiter    → rate-limiter  rateBps | rateBitsPerSecond (bit/s, default 1 Mbit/s), burstBytes, sides
 *   http-filter     → http-filter   urls, hosts, ports, reportMs
 *   ddos-dropper    → ddos-dropper  sources (IPv4 addresses/prefixes), reportMs (default 1000)
 *   monitoring      → monitor       intervalS (seconds, as the simulator's monitor) or intervalMs
 *                                   (default: 1000 ms); alertAboveBps is the Agent's (rate from
 *                                   the monitor's counters → attack-detected)
 *   troubleshooting → troubleshoot  address, mac
 *   ids             → ids-lite      signatures: names (the traffic probes carry their flow's
 *                                   label in the payload, so the pattern is the name) or
 *                                   { name, pattern }; intervalMs
 * Unknown types and bad parameters are `UserError`s naming the type.
 */
import { UserError } from "../../base/errors.ts";
import { isVnfKind, type VnfKind } from "../images/catalog.ts";
import { IMAGE_KIND_OF_TYPE } from "../../deployment/vnfs/image-kinds.ts";
import type { VnfSpec } from "../images/params.ts";

/** The image kind of each catalog type (`deployment/vnfs/image-kinds.ts`), checked against the lab's kinds. */
export const TYPE_TO_KIND: Readonly<Record<string, VnfKind>> = Object.fromEntries(
  Object.entries(IMAGE_KIND_OF_TYPE).map(([type, kind]) => {
    if (!isVnfKind(kind)) throw new Error(`deployment/vnfs/image-kinds.ts: vNF type ${type} names image kind "${kind}", which emulation/images does not build`);
    return [type, kind];
  }),
);

function ports(type: string, params: Record<string, unknown>, key: string): number[] {
  const v = params[key];
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((p) => Number.isInteger(p))) throw new UserError(`vNF ${type}: params.${key} must be a list of port numbers, got ${JSON.stringify(v)}`);
  return v as number[];
}

function strings(type: string, params: Record<string, unknown>, key: string): string[] | undefined {
  const v = params[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((s) => typeof s === "string")) throw new UserError(`vNF ${type}: params.${key} must be a list of strings, got ${JSON.stringify(v)}`);
  return v as string[];
}

function int(type: string, params: Record<string, unknown>, key: string): number | undefined {
  const v = params[key];
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v)) throw new UserError(`vNF ${type}: params.${key} must be a number, got ${JSON.stringify(v)}`);
  return Math.round(v);
}

/** The image spec for a catalog type and its chain parameters. */
export function vnfSpecOf(type: string, params: Record<string, unknown>): VnfSpec {
  const kind = TYPE_TO_KIND[type];
  if (!kind) throw new UserError(`vNF type "${type}" has no emulation image (known: ${Object.keys(TYPE_TO_KIND).join(", ")})`);
  const opt = <T>(key: string, v: T | undefined): Record<string, T> => (v === undefined ? {} : { [key]: v });
  switch (kind) {
    case "wire":
      return { kind };
    case "firewall": {
      const allow = [...(strings(type, params, "allow") ?? []), ...ports(type, params, "allowTcp").map((p) => `tcp:${p}`), ...ports(type, params, "allowUdp").map((p) => `udp:${p}`)];
      const drop = [...(strings(type, params, "drop") ?? []), ...ports(type, params, "dropTcp").map((p) => `tcp:${p}`), ...ports(type, params, "dropUdp").map((p) => `udp:${p}`)];
      const given = params["defaultPolicy"];
      if (given !== undefined && given !== "accept" && given !== "drop") throw new UserError(`vNF ${type}: params.defaultPolicy must be accept or drop`);
      const defaultPolicy = (given as "accept" | "drop" | undefined) ?? (allow.length > 0 ? "drop" : "accept");
      return { kind, ...opt("allow", allow.length > 0 ? allow : undefined), ...opt("drop", drop.length > 0 ? drop : undefined), defaultPolicy, ...opt("reportMs", int(type, params, "reportMs")) };
    }
    case "rate-limiter": {
      const sides = params["sides"];
      if (sides !== undefined && sides !== "out" && sides !== "both") throw new UserError(`vNF ${type}: params.sides must be out or both`);
      return { kind, rateBitsPerSecond: int(type, params, "rateBps") ?? int(type, params, "rateBitsPerSecond") ?? 1_000_000, ...opt("burstBytes", int(type, params, "burstBytes")), ...opt("sides", sides as "out" | "both" | undefined) };
    }
    case "http-filter":
      return { kind, ...opt("urls", strings(type, params, "urls")), ...opt("hosts", strings(type, params, "hosts")), ...opt("ports", params["ports"] === undefined ? undefined : ports(type, params, "ports")), ...opt("reportMs", int(type, params, "reportMs")) };
    case "ddos-dropper":
      return { kind, sources: strings(type, params, "sources") ?? [], reportMs: int(type, params, "reportMs") ?? 1000 };
    case "monitor": {
      const seconds = params["intervalS"];
      if (seconds !== undefined && !(typeof seconds === "number" && seconds > 0)) throw new UserError(`vNF ${type}: params.intervalS must be a number of seconds > 0, got ${JSON.stringify(seconds)}`);
      return { kind, intervalMs: int(type, params, "intervalMs") ?? (seconds === undefined ? 1000 : Math.round(seconds * 1000)) };
    }
    case "troubleshoot": {
      const address = params["address"];
      const mac = params["mac"];
      return { kind, ...opt("address", typeof address === "string" ? address : undefined), ...opt("mac", typeof mac === "string" ? mac : undefined) };
    }
    case "ids-lite": {
      const raw = params["signatures"];
      if (!Array.isArray(raw)) throw new UserError(`vNF ${type}: params.signatures must be a list of names or { name, pattern }`);
      const signatures = raw.map((s: unknown) => {
        if (typeof s === "string") return { name: s, pattern: s };
        const o = s as { name?: unknown; pattern?: unknown };
        if (typeof o?.name === "string" && typeof o.pattern === "string") return { name: o.name, pattern: o.pattern };
        throw new UserError(`vNF ${type}: signature ${JSON.stringify(s)} must be a name or { name, pattern }`);
      });
      return { kind, signatures, ...opt("intervalMs", int(type, params, "intervalMs")) };
    }
  }
}
