/**
 * A chain's traffic selector (orchestrator/selector.ts) as the OXM fields of its steering
 * entries (pure): OpenFlow's `specMatches` (openflow/steering/match-spec.ts), the conversion whose
 * acceptance and matching the simulator shares. The UE's own traffic is meant, so `eth_src` is the
 * UE's MAC unless the selector names one; prerequisites are filled in, and where one could take
 * several values the first is used: a selector with ip_proto but no eth_type matches IPv4 (IPv6
 * is off in the emulated hosts). Fields come in OpenFlow's prerequisite order (eth_type, ip_proto,
 * then the rest as given); address prefixes ("10.0.0.0/24", "2001:db8::/32") become value + mask.
 *
 * @example selectorOxm({ ip_proto: 6 }, "02:00:00:00:00:01")
 *   → [{ field: "eth_type", value: 2048 }, { field: "ip_proto", value: 6 }, { field: "eth_src", value: "02:00:00:00:00:01" }]
 */
import type { OxmBasic } from "../../openflow/codec/index.ts";
import { specMatches } from "../../openflow/steering/match-spec.ts";
import type { TrafficSelector } from "../../orchestrator/selector.ts";

export function selectorOxm(selector: TrafficSelector, ueMac: string): OxmBasic[] {
  const [first] = specMatches({ ...selector, eth_src: selector.eth_src ?? ueMac });
  return first as OxmBasic[];
}
