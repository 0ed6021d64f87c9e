/**
 * A fake OpenFlow 1.3 switch pipeline for unit tests: applies FLOW_MODs with the spec's semantics
 * (ADD replaces an entry with identical match and priority; MODIFY/DELETE non-strict select every
 * entry the given match covers, the STRICT forms the one with identical match and priority; cookie
 * masks; DELETE's out_port filter; CHECK_OVERLAP; OFPTT_ALL for deletes) and answers "where does
 * this packet go": from table 0, highest-priority match per table, apply-actions outputs at once,
 * write-actions outputs at the end, goto-table onward. Controller logic is tested against it; the
 * same messages then run against real Open vSwitch in the integration tests.
 *
 * Invariant: within one table no two entries have identical match and priority.
 */
import { ErrorType, FlowModCommand, FlowModFlags, OFPTT_ALL, PortNo } from "../constants.ts";
import type { Instruction, Match, MessageOf } from "../codec/index.ts";
import { covers, matchesPacket, overlaps, sameMatch, type PacketFields } from "./match-math.ts";

export interface FlowEntry {
  tableId: number;
  priority: number;
  cookie: bigint;
  match: Match;
  instructions: Instruction[];
  /** Packets that hit this entry in `forward()`. */
  packetCount: number;
}

/** What a real switch would answer with OFPT_ERROR (type FLOW_MOD_FAILED). */
export class FlowModRejected extends Error {
  override readonly name = "FlowModRejected";
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(`FLOW_MOD_FAILED (code ${code}): ${reason}`);
  }
  readonly errorType = ErrorType["FLOW_MOD_FAILED"] as number;
}

/** OFPFMFC_* codes used here. */
const BAD_TABLE_ID = 2;
const OVERLAP = 3;
const BAD_COMMAND = 6;
/** Highest table id of a switch (OVS has 0 … 253). */
const MAX_TABLE = 253;
/** Safety net against goto loops in hand-built tests (the spec only allows goto to higher tables). */
const MAX_PIPELINE_STEPS = 256;

export class FlowTable {
  /** All entries of all tables, in insertion order. */
  readonly entries: FlowEntry[] = [];

  /** Applies a FLOW_MOD; throws FlowModRejected where a switch would answer with an error. */
  apply(mod: MessageOf<"flow_mod">): void {
    const cookie = BigInt(mod.cookie);
    const cookieMask = BigInt(mod.cookieMask);
    const inTable = (e: FlowEntry): boolean => mod.tableId === OFPTT_ALL || e.tableId === mod.tableId;
    const cookieOk = (e: FlowEntry): boolean => (e.cookie & cookieMask) === (cookie & cookieMask);
    const strictHit = (e: FlowEntry): boolean => e.priority === mod.priority && sameMatch(e.match, mod.match);
    switch (mod.command) {
      case FlowModCommand.ADD: {
        if (mod.tableId > MAX_TABLE) throw new FlowModRejected(BAD_TABLE_ID, `ADD to table ${mod.tableId}`);
        const same = this.entries.findIndex((e) => e.tableId === mod.tableId && strictHit(e));
        if ((mod.flags & FlowModFlags.CHECK_OVERLAP) !== 0) {
          const clash = this.entries.some((e, i) => i !== same && e.tableId === mod.tableId && e.priority === mod.priority && overlaps(e.match, mod.match));
          if (clash) throw new FlowModRejected(OVERLAP, `an entry of priority ${mod.priority} overlaps`);
        }
        const entry: FlowEntry = { tableId: mod.tableId, priority: mod.priority, cookie, match: mod.match, instructions: mod.instructions, packetCount: 0 };
        if (same >= 0) this.entries[same] = entry;
        else this.entries.push(entry);
        return;
      }
      case FlowModCommand.MODIFY:
      case FlowModCommand.MODIFY_STRICT: {
        const strict = mod.command === FlowModCommand.MODIFY_STRICT;
        for (const e of this.entries) {
          if (inTable(e) && cookieOk(e) && (strict ? strictHit(e) : covers(mod.match, e.match))) e.instructions = mod.instructions;
        }
        return;
      }
      case FlowModCommand.DELETE:
      case FlowModCommand.DELETE_STRICT: {
        const strict = mod.command === FlowModCommand.DELETE_STRICT;
        for (let i = this.entries.length - 1; i >= 0; i--) {
          const e = this.entries[i] as FlowEntry;
          const selected = inTable(e) && cookieOk(e) && (strict ? strictHit(e) : covers(mod.match, e.match));
          if (selected && (mod.outPort === PortNo.ANY || outputsOf(e).includes(mod.outPort))) this.entries.splice(i, 1);
        }
        return;
      }
      default:
        throw new FlowModRejected(BAD_COMMAND, `unknown command ${mod.command}`);
    }
  }

  /** The entry of `tableId` a packet hits (highest priority; first added among equals), or undefined (table miss). */
  lookup(packet: PacketFields, tableId = 0): FlowEntry | undefined {
    let best: FlowEntry | undefined;
    for (const e of this.entries) {
      if (e.tableId === tableId && (best === undefined || e.priority > best.priority) && matchesPacket(e.match, packet)) best = e;
    }
    return best;
  }

  /** Output ports for a packet through the pipeline (empty when it is dropped), counting the hits. */
  forward(packet: PacketFields): number[] {
    const ports: number[] = [];
    const actionSet: number[] = [];
    let tableId: number | undefined = 0;
    for (let step = 0; tableId !== undefined && step < MAX_PIPELINE_STEPS; step++) {
      const e = this.lookup(packet, tableId);
      if (!e) break;
      e.packetCount++;
      tableId = undefined;
      for (const ins of e.instructions) {
        if (ins.type === "apply_actions") for (const a of ins.actions) if (a.type === "output") ports.push(a.port);
        if (ins.type === "clear_actions") actionSet.length = 0;
        if (ins.type === "write_actions") for (const a of ins.actions) if (a.type === "output") actionSet.splice(0, actionSet.length, a.port);
        if (ins.type === "goto_table") tableId = ins.tableId;
      }
    }
    return [...ports, ...actionSet];
  }

  /** Entries of one table. */
  table(tableId: number): FlowEntry[] {
    return this.entries.filter((e) => e.tableId === tableId);
  }
}

/** Ports of the output actions in an entry's apply- and write-actions instructions. */
export function outputsOf(e: FlowEntry): number[] {
  const ports: number[] = [];
  for (const ins of e.instructions) {
    if (ins.type !== "apply_actions" && ins.type !== "write_actions") continue;
    for (const a of ins.actions) if (a.type === "output") ports.push(a.port);
  }
  return ports;
}
