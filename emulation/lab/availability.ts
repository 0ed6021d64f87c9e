/**
 * Whether this machine can run the lab (root, iproute2, a running Open vSwitch). Lab tests skip
 * with the reason when it cannot — unless `GNF_REQUIRE_EMULATION=1` (set by CI), in which case a
 * missing lab is a failure.
 */
import { Namespace } from "./namespace.ts";
import { OvsBridge } from "./ovs-bridge.ts";
import { VethPair } from "./veth.ts";

export type LabStatus = { ok: true } | { ok: false; reason: string };

export async function ovsLabStatus(): Promise<LabStatus> {
  if (typeof process.getuid === "function" && process.getuid() !== 0) return { ok: false, reason: "the lab needs root (network namespaces, Open vSwitch)" };
  const ns = await Namespace.check();
  if (ns !== true) return { ok: false, reason: ns };
  const veth = await VethPair.check();
  if (veth !== true) return { ok: false, reason: veth };
  const ovs = await OvsBridge.check();
  if (ovs !== true) return { ok: false, reason: ovs };
  return { ok: true };
}

/** True when a missing lab must fail tests instead of skipping them. */
export function labRequired(): boolean {
  return process.env["GNF_REQUIRE_EMULATION"] === "1";
}
