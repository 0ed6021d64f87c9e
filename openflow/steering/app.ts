/**
 * The GNF steering app, Faucet style: `steer(state, event)` is a pure function returning the new
 * state and the OpenFlow messages to send to each switch; `SteeringDriver` sends them. The same
 * function is unit-tested on the fake flow table and runs against Open vSwitch.
 *
 * Each batch ends with a barrier. Install, update and remove are atomic at the ingress:
 * - install and update write the chain's stages from the egress back to the ingress, a barrier
 *   after each, so that whenever a stage of the new version exists, every stage after it exists
 *   too. The ingress stage goes last: it is the commit point. No packet meets a missing entry and
 *   none loops: from any entry of the new version a packet follows the new path to the egress.
 *   Entries with the same match and priority are replaced in place (ADD semantics); packets
 *   already inside the old path may finish on the new path's remainder;
 * - update then deletes what is left of the old version by its exact cookie, barrier;
 * - remove: one delete by the chain's cookie (all versions), barrier;
 * - switch (re)connected: delete every steering entry (tag mask), reinstall all of its chains.
 */
import type { OfMessage } from "../codec/index.ts";
import { chainFlowMods, checkNoAmbiguity, validateChain, type SteeringChain } from "./chain.ts";
import { CHAIN_MASK, TAG_MASK, VERSION_MASK, chainCookie } from "./cookies.ts";
import { barrier, deleteByCookie } from "./flow-mods.ts";

/** A chain as installed: its definition and the cookie version of its entries. */
export interface InstalledChain {
  chain: SteeringChain;
  version: number;
}

/** Chains per switch (datapath id → chain id → installed chain). Immutable: `steer` returns a new one. */
export type SteeringState = ReadonlyMap<bigint, ReadonlyMap<number, InstalledChain>>;

export type SteeringEvent =
  /** Install a chain, or replace the chain with the same id by this one. */
  | { type: "install"; datapathId: bigint; chain: SteeringChain }
  | { type: "remove"; datapathId: bigint; chainId: number }
  /** A switch finished its handshake: bring its table in line with the state. */
  | { type: "switch_connected"; datapathId: bigint };

export interface SwitchMessages {
  datapathId: bigint;
  /** In order; `barrier_request` entries are points to wait for the switch. */
  messages: OfMessage[];
}

export interface SteeringResult {
  state: SteeringState;
  out: SwitchMessages[];
}

export const EMPTY_STEERING: SteeringState = new Map();

export function steer(state: SteeringState, event: SteeringEvent): SteeringResult {
  const chains = state.get(event.datapathId) ?? new Map<number, InstalledChain>();
  switch (event.type) {
    case "install": {
      const chain = event.chain;
      validateChain(chain);
      for (const other of chains.values()) checkNoAmbiguity(chain, other.chain);
      const previous = chains.get(chain.id);
      if (previous && sameChain(previous.chain, chain)) return { state, out: [] };
      const version = previous ? (previous.version + 1) & 0xffff : 0;
      const messages = commitAtIngress(chain, version);
      if (previous) messages.push(deleteByCookie(chainCookie(chain.id, previous.version), VERSION_MASK), barrier());
      return { state: withChains(state, event.datapathId, new Map(chains).set(chain.id, { chain, version })), out: [{ datapathId: event.datapathId, messages }] };
    }
    case "remove": {
      if (!chains.has(event.chainId)) return { state, out: [] };
      const rest = new Map(chains);
      rest.delete(event.chainId);
      const messages = [deleteByCookie(chainCookie(event.chainId, 0), CHAIN_MASK), barrier()];
      return { state: withChains(state, event.datapathId, rest), out: [{ datapathId: event.datapathId, messages }] };
    }
    case "switch_connected": {
      const messages: OfMessage[] = [deleteByCookie(chainCookie(0, 0), TAG_MASK), barrier()];
      for (const { chain, version } of chains.values()) messages.push(...commitAtIngress(chain, version));
      return { state, out: [{ datapathId: event.datapathId, messages }] };
    }
  }
}

/** Stages from the egress back to the ingress, each followed by a barrier. */
function commitAtIngress(chain: SteeringChain, version: number): OfMessage[] {
  return chainFlowMods(chain, version)
    .reverse()
    .flatMap((mod) => [mod, barrier()]);
}

function withChains(state: SteeringState, datapathId: bigint, chains: ReadonlyMap<number, InstalledChain>): SteeringState {
  const next = new Map(state);
  if (chains.size === 0) next.delete(datapathId);
  else next.set(datapathId, chains);
  return next;
}

function sameChain(a: SteeringChain, b: SteeringChain): boolean {
  return JSON.stringify(a, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) === JSON.stringify(b, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}
