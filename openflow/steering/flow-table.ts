/**
 * A fake OpenFlow switch table for unit tests: applies FLOW_MODs with OpenFlow 1.3 semantics
 * (add/modify/modify-strict/delete/delete-strict, priorities, cookie masks, out_port filters) and
 * answers "where does this packet go". Controller logic is tested against it, then the same
 * messages run against real Open vSwitch in the integration tests.
 *
 * Only table 0 and apply-actions outputs are forwarded (what the steering app uses); other
 * instructions are stored but not executed.
 */
import { FlowModCommand, PortNo } from "../constants.ts";
import { OXM_BY_NAME, isBasicOxm, parseIpv4, parseIpv6, parseMac, type Instruction, type Match, type MessageOf, type OxmValue } from "../codec/index.ts";

export interface FlowEntry {
  priority: number;
  cookie: bigint;
  match: Match;
  instructions: Instruction[];
  /** Packets that hit this entry in `forward()`. */
  packetCount: number;
}

/** Header fields of a packet, by OXM field name (e.g. `{ in_port: 1, eth_type: 0x800, ipv4_dst: "10.0.0.2" }`). */
export type PacketFields = Record<string, OxmValue>;

interface Constraint {
  value: bigint;
  mask: bigint;
}

export class FlowTable {
  readonly entries: FlowEntry[] = [];

  /** Applies a FLOW_MOD to table 0 (others are ignored, as this fake has one table). */
  apply(mod: MessageOf<"flow_mod">): void {
    if (mod.tableId !== 0 && mod.tableId !== 0xff) return;
    const cookie = BigInt(mod.cookie);
    const cookieMask = BigInt(mod.cookieMask);
    const cookieOk = (e: FlowEntry): boolean => (e.cookie & cookieMask) === (cookie & cookieMask);
    switch (mod.command) {
      case FlowModCommand.ADD: {
        const i = this.entries.findIndex((e) => e.priority === mod.priority && sameMatch(e.match, mod.match));
        const entry: FlowEntry = { priority: mod.priority, cookie, match: mod.match, instructions: mod.instructions, packetCount: 0 };
        if (i >= 0) this.entries[i] = entry;
        else this.entries.push(entry);
        return;
      }
      case FlowModCommand.MODIFY:
      case FlowModCommand.MODIFY_STRICT: {
        const strict = mod.command === FlowModCommand.MODIFY_STRICT;
        for (const e of this.entries) {
          const selected = strict ? e.priority === mod.priority && sameMatch(e.match, mod.match) : covers(mod.match, e.match);
          if (selected && cookieOk(e)) e.instructions = mod.instructions;
        }
        return;
      }
      case FlowModCommand.DELETE:
      case FlowModCommand.DELETE_STRICT: {
        const strict = mod.command === FlowModCommand.DELETE_STRICT;
        for (let i = this.entries.length - 1; i >= 0; i--) {
          const e = this.entries[i] as FlowEntry;
          const selected = strict ? e.priority === mod.priority && sameMatch(e.match, mod.match) : covers(mod.match, e.match);
          if (selected && cookieOk(e) && (mod.outPort === PortNo.ANY || outputsOf(e).includes(mod.outPort))) this.entries.splice(i, 1);
        }
        return;
      }
      default:
        throw new Error(`unknown flow_mod command ${mod.command}`);
    }
  }

  /** The entry a packet hits (highest priority; first added among equals), or undefined (table miss). */
  lookup(packet: PacketFields): FlowEntry | undefined {
    let best: FlowEntry | undefined;
    for (const e of this.entries) {
      if ((best === undefined || e.priority > best.priority) && matchesPacket(e.match, packet)) best = e;
    }
    return best;
  }

  /** Output ports for a packet (empty on a table miss), counting the hit. */
  forward(packet: PacketFields): number[] {
    const e = this.lookup(packet);
    if (!e) return [];
    e.packetCount++;
    return outputsOf(e);
  }
}

/** Ports of the output actions in an entry's apply-actions instructions. */
export function outputsOf(e: FlowEntry): number[] {
  const ports: number[] = [];
  for (const ins of e.instructions) {
    if (ins.type !== "apply_actions") continue;
    for (const a of ins.actions) if (a.type === "output") ports.push(a.port);
  }
  return ports;
}

function toBig(field: string, v: OxmValue): bigint {
  const kind = OXM_BY_NAME.get(field)?.kind;
  const bytes = kind === "mac" ? parseMac(String(v), field) : kind === "ipv4" ? parseIpv4(String(v), field) : kind === "ipv6" ? parseIpv6(String(v), field) : undefined;
  if (!bytes) return BigInt(v);
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

function constraints(match: Match): Map<string, Constraint> {
  const out = new Map<string, Constraint>();
  for (const oxm of match) {
    if (!isBasicOxm(oxm)) throw new Error("the fake flow table only handles basic OXM fields");
    const spec = OXM_BY_NAME.get(oxm.field);
    const full = (1n << BigInt((spec?.size ?? 8) * 8)) - 1n;
    const mask = oxm.mask === undefined ? full : toBig(oxm.field, oxm.mask);
    out.set(oxm.field, { value: toBig(oxm.field, oxm.value) & mask, mask });
  }
  return out;
}

function sameMatch(a: Match, b: Match): boolean {
  const ca = constraints(a);
  const cb = constraints(b);
  if (ca.size !== cb.size) return false;
  for (const [f, c] of ca) {
    const d = cb.get(f);
    if (!d || d.value !== c.value || d.mask !== c.mask) return false;
  }
  return true;
}

/** True when every packet matching `inner` also matches `outer` (non-strict modify/delete). */
function covers(outer: Match, inner: Match): boolean {
  const ci = constraints(inner);
  for (const [f, o] of constraints(outer)) {
    const i = ci.get(f);
    if (!i || (i.mask & o.mask) !== o.mask || (i.value & o.mask) !== o.value) return false;
  }
  return true;
}

function matchesPacket(match: Match, packet: PacketFields): boolean {
  for (const [f, c] of constraints(match)) {
    const v = packet[f];
    if (v === undefined || (toBig(f, v) & c.mask) !== c.value) return false;
  }
  return true;
}
