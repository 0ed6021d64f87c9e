/**
 * A steering chain on one switch and the flow entries that realise it (transparent hop-by-hop
 * redirection, GNF paper §IV): the traffic `selector` matches enters at `ingressPort`, is sent out
 * to each vNF's `inPort`, comes back from its `outPort`, and finally leaves at `egressPort`.
 * Stage k is one entry `in_port = port before k ∧ selector → output: port after k`, all at the
 * chain's priority; packets are never modified.
 *
 * Example: ingress 1, hops [11→12, 21→22], egress 2 gives the stages 1→11, 12→21, 22→2.
 */
import { UserError } from "../../base/errors.ts";
import type { Match, MessageOf, OxmBasic } from "../codec/index.ts";
import { chainCookie } from "./cookies.ts";
import { flowAdd } from "./flow-mods.ts";
import { overlaps } from "./match-math.ts";
import { matchProblems } from "./match-spec.ts";

/** A vNF attached to this switch: traffic goes out to `inPort` and comes back on `outPort`. */
export interface SteeringHop {
  inPort: number;
  outPort: number;
}

export interface SteeringChain {
  /** Chain id, 0 … 2^32−1 (part of the cookie of its entries). */
  id: number;
  /** Flow priority 1 … 65535; the higher one wins where selectors of chains overlap. */
  priority: number;
  /** Which traffic: basic OXM match fields (e.g. eth_src of the UE, ip_proto, tcp_dst), without in_port. */
  selector: OxmBasic[];
  /** Port the selected traffic arrives on (the UE side). */
  ingressPort: number;
  /** vNFs in traversal order. */
  hops: SteeringHop[];
  /** Port toward the traffic's destination. */
  egressPort: number;
}

/** One stage of a chain: traffic arriving on `from` is sent out of `to`. */
export interface ChainStage {
  from: number;
  to: number;
}

/** Stages in traversal order: ingress → hop 1 in, hop 1 out → hop 2 in, …, last hop out → egress. */
export function chainStages(chain: SteeringChain): ChainStage[] {
  const ports = [chain.ingressPort, ...chain.hops.flatMap((h) => [h.inPort, h.outPort]), chain.egressPort];
  const stages: ChainStage[] = [];
  for (let i = 0; i < ports.length; i += 2) stages.push({ from: ports[i] as number, to: ports[i + 1] as number });
  return stages;
}

/** The match of one stage: in_port first, then the selector. */
export function stageMatch(chain: SteeringChain, stage: ChainStage): Match {
  return [{ field: "in_port", value: stage.from }, ...chain.selector];
}

/** ADD messages for every stage of `chain`, cookie = chainCookie(id, version), in traversal order. */
export function chainFlowMods(chain: SteeringChain, version: number): MessageOf<"flow_mod">[] {
  const cookie = chainCookie(chain.id, version);
  return chainStages(chain).map((stage) => flowAdd(cookie, chain.priority, stageMatch(chain, stage), stage.to));
}

const MAX_PORT = 0xffffff00; // OFPP_MAX: physical and logical ports are 1 … 0xffffff00

/** Throws UserError if the chain is not well formed (its selector as a switch checks a match: `matchProblems`). */
export function validateChain(chain: SteeringChain): void {
  const where = `steering chain ${chain.id}`;
  if (!(Number.isInteger(chain.id) && chain.id >= 0 && chain.id <= 0xffffffff)) throw new UserError(`${where}: id must be an integer in [0, 2^32)`);
  if (!(Number.isInteger(chain.priority) && chain.priority >= 1 && chain.priority <= 0xffff)) throw new UserError(`${where}: priority ${chain.priority} must be an integer in [1, 65535]`);
  if (chain.selector.some((f) => f.field === "in_port")) throw new UserError(`${where}: the selector must not contain in_port (each stage adds its own)`);
  const problems = matchProblems(chain.selector);
  if (problems.length > 0) throw new UserError(`${where}: bad selector: ${problems.join("; ")}`);
  const ports = [chain.ingressPort, ...chain.hops.flatMap((h) => [h.inPort, h.outPort]), chain.egressPort];
  for (const p of ports) if (!(Number.isInteger(p) && p >= 1 && p <= MAX_PORT)) throw new UserError(`${where}: port ${p} must be an integer in [1, 0xffffff00]`);
  // Through vNFs a path may leave by the port it came in on (a leaf switch's only uplink: the
  // last stage outputs to it from a vNF's port, not back to its own in_port); every other port once.
  const distinct = chain.hops.length > 0 && chain.egressPort === chain.ingressPort ? ports.slice(0, -1) : ports;
  const seen = new Set<number>();
  for (const p of distinct) {
    if (seen.has(p)) throw new UserError(`${where}: port ${p} appears twice on the path (a path visits each port once)`);
    seen.add(p);
  }
}

/**
 * Throws UserError if `chain` and `other` could both claim a packet at the same priority (same
 * priority, a stage on the same in_port, overlapping selectors): which entry wins would be undefined.
 */
export function checkNoAmbiguity(chain: SteeringChain, other: SteeringChain): void {
  if (chain.id === other.id || chain.priority !== other.priority) return;
  const otherFroms = new Set(chainStages(other).map((s) => s.from));
  if (!chainStages(chain).some((s) => otherFroms.has(s.from))) return;
  if (overlaps(chain.selector, other.selector)) {
    throw new UserError(`steering chains ${chain.id} and ${other.id} have the same priority ${chain.priority} and overlapping selectors: give one a higher priority`);
  }
}
