/**
 * A chain's traffic selector (orchestrator/selector.ts) as the OXM fields of its steering
 * entries (pure). The UE's own traffic is meant, so `eth_src` is the UE's MAC unless the selector
 * names one; prerequisites are filled in (`withPrerequisites`); a selector with ip_proto but no
 * eth_type matches IPv4 (IPv6 is off in the emulated hosts). Fields come in OpenFlow's
 * prerequisite order (eth_type, ip_proto, then the rest as given); address prefixes ("10.0.0.0/24")
 * become value + mask.
 *
 * @example selectorOxm({ ip_proto: 6 }, "02:00:00:00:00:01")
 *   → [{ field: "eth_type", value: 2048 }, { field: "ip_proto", value: 6 }, { field: "eth_src", value: "02:00:00:00:00:01" }]
 */
import type { OxmBasic } from "../../openflow/codec/index.ts";
import { ETH_TYPE_IPV4, SELECTOR_FIELDS, withPrerequisites, type SelectorField, type TrafficSelector } from "../../orchestrator/selector.ts";

function ipv4Mask(len: number): string {
  const m = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
  return [24, 16, 8, 0].map((s) => (m >>> s) & 0xff).join(".");
}

function oxmOf(field: SelectorField, v: TrafficSelector[SelectorField]): OxmBasic {
  if (typeof v === "object" && v !== null) return { field, value: v.value, mask: v.mask };
  if (typeof v === "string" && v.includes("/")) {
    const [addr, len] = v.split("/") as [string, string];
    if (SELECTOR_FIELDS[field].kind !== "ipv4") throw new Error(`selector ${field}: prefixes are supported for IPv4 fields only in the emulation, got "${v}"`);
    return { field, value: addr, mask: ipv4Mask(Number(len)) };
  }
  return { field, value: v as number | string };
}

export function selectorOxm(selector: TrafficSelector, ueMac: string): OxmBasic[] {
  const full: TrafficSelector = withPrerequisites({ ...selector });
  if (full.ip_proto !== undefined && full.eth_type === undefined) full.eth_type = ETH_TYPE_IPV4;
  if (full.eth_src === undefined) full.eth_src = ueMac;
  const order = (f: string): number => (f === "eth_type" ? 0 : f === "ip_proto" ? 1 : 2);
  return (Object.keys(full) as SelectorField[]).sort((a, b) => order(a) - order(b)).map((f) => oxmOf(f, full[f]));
}
