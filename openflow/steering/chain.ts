/**
 * The GNF steering app (Faucet style: pure functions from a chain to OpenFlow messages; a thin
 * driver sends them). Transparent hop-by-hop redirection on one switch: the traffic the chain's
 * selector matches enters at `ingressPort`, goes out to each vNF's in-port, comes back from its
 * out-port, and finally leaves at `egressPort`. Packets are never modified (no set-field): each
 * stage is one flow entry `selector ∧ in_port = previous port → output next port`.
 *
 * Atomic install/update/remove: every entry of a chain version carries the cookie
 * `chainId << 16 | version`; an update adds the new version's entries (same match and priority
 * replace old ones), deletes what is left of the old version by cookie, then a barrier. Removal is
 * one delete by cookie (all versions) and a barrier.
 */
import { FlowModCommand, OFPG_ANY, OFP_NO_BUFFER, PortNo } from "../constants.ts";
import type { Match, OfMessage, OxmBasic } from "../codec/index.ts";

/** A vNF on this switch: traffic goes out to `inPort`, comes back on `outPort`. */
export interface SteeringHop {
  inPort: number;
  outPort: number;
}

export interface SteeringChain {
  /** Chain id, 0 … 2^48−1 (the cookie's upper bits). */
  id: number;
  /** Version of this chain's path, 0 … 65535 (the cookie's low 16 bits). */
  version: number;
  /** Flow priority; a higher priority wins among overlapping selectors. */
  priority: number;
  /** Which traffic: OXM match fields, without in_port (added per stage). */
  selector: OxmBasic[];
  ingressPort: number;
  hops: SteeringHop[];
  egressPort: number;
}

const ALL_ONES_64 = 0xffffffffffffffffn;
const VERSION_BITS = 16n;

export function chainCookie(id: number, version: number): bigint {
  if (!(Number.isInteger(id) && id >= 0 && id < 2 ** 48)) throw new RangeError(`chain id ${id} must be an integer in [0, 2^48)`);
  if (!(Number.isInteger(version) && version >= 0 && version < 2 ** 16)) throw new RangeError(`chain version ${version} must be an integer in [0, 65535]`);
  return (BigInt(id) << VERSION_BITS) | BigInt(version);
}

/** The flow entries of one chain version: one per stage, ingress → hop 1 → … → egress. */
export function chainFlowMods(chain: SteeringChain): OfMessage[] {
  if (chain.selector.some((f) => f.field === "in_port")) throw new Error(`chain ${chain.id}: the selector must not contain in_port (each stage adds its own)`);
  const cookie = chainCookie(chain.id, chain.version);
  const ports = [chain.ingressPort, ...chain.hops.flatMap((h) => [h.inPort, h.outPort]), chain.egressPort];
  const mods: OfMessage[] = [];
  for (let stage = 0; stage < ports.length; stage += 2) {
    const from = ports[stage] as number;
    const to = ports[stage + 1] as number;
    const match: Match = [{ field: "in_port", value: from }, ...chain.selector];
    mods.push(flowAdd(cookie, chain.priority, match, to));
  }
  return mods;
}

/** Messages that install (or update to) `chain` atomically; `previousVersion` is removed. */
export function installChain(chain: SteeringChain, previousVersion?: number): OfMessage[] {
  const messages = chainFlowMods(chain);
  if (previousVersion !== undefined && previousVersion !== chain.version) {
    messages.push(deleteByCookie(chainCookie(chain.id, previousVersion), ALL_ONES_64));
  }
  messages.push({ type: "barrier_request", xid: 0 });
  return messages;
}

/** Messages that remove every version of chain `id`, then a barrier. */
export function removeChain(id: number): OfMessage[] {
  return [deleteByCookie(chainCookie(id, 0), ALL_ONES_64 << VERSION_BITS & ALL_ONES_64), { type: "barrier_request", xid: 0 }];
}

/** A plain bidirectional patch between two ports (for traffic no chain selects). */
export function portPatch(a: number, b: number, priority: number, cookie = 0n): OfMessage[] {
  return [flowAdd(cookie, priority, [{ field: "in_port", value: a }], b), flowAdd(cookie, priority, [{ field: "in_port", value: b }], a)];
}

/** ADD with one apply-actions output. */
export function flowAdd(cookie: bigint, priority: number, match: Match, outPort: number): OfMessage {
  return {
    type: "flow_mod",
    xid: 0,
    cookie,
    cookieMask: 0n,
    tableId: 0,
    command: FlowModCommand.ADD,
    idleTimeout: 0,
    hardTimeout: 0,
    priority,
    bufferId: OFP_NO_BUFFER,
    outPort: PortNo.ANY,
    outGroup: OFPG_ANY,
    flags: 0,
    match,
    instructions: [{ type: "apply_actions", actions: [{ type: "output", port: outPort, maxLen: 0 }] }],
  };
}

/** DELETE (non-strict, all tables' table 0) of entries whose cookie matches under the mask. */
export function deleteByCookie(cookie: bigint, cookieMask: bigint): OfMessage {
  return {
    type: "flow_mod",
    xid: 0,
    cookie,
    cookieMask,
    tableId: 0,
    command: FlowModCommand.DELETE,
    idleTimeout: 0,
    hardTimeout: 0,
    priority: 0,
    bufferId: OFP_NO_BUFFER,
    outPort: PortNo.ANY,
    outGroup: OFPG_ANY,
    flags: 0,
    match: [],
    instructions: [],
  };
}
