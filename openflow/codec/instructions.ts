/**
 * OpenFlow 1.3 instructions (spec §7.2.4): goto-table, write-metadata, write/apply/clear actions,
 * meter, experimenter; unknown types keep their bytes.
 */
import { InstructionType } from "../constants.ts";
import { decodeActions, encodeActions, type Action } from "./actions.ts";
import { EncodeError } from "./errors.ts";
import type { Reader } from "./reader.ts";
import type { BytesInput, U64Input, Writer } from "./writer.ts";

export type Instruction =
  | { type: "goto_table"; tableId: number }
  | { type: "write_metadata"; metadata: U64Input; metadataMask: U64Input }
  | { type: "write_actions"; actions: Action[] }
  | { type: "apply_actions"; actions: Action[] }
  | { type: "clear_actions" }
  | { type: "meter"; meterId: number }
  | { type: "experimenter"; experimenter: number; data: BytesInput }
  | { type: "unknown"; instructionType: number; body: BytesInput };

/** Type name → code (a Map: keyed lookups on an object literal are slower). */
const TYPE_CODE: ReadonlyMap<string, number> = new Map([
  ["goto_table", InstructionType.GOTO_TABLE],
  ["write_metadata", InstructionType.WRITE_METADATA],
  ["write_actions", InstructionType.WRITE_ACTIONS],
  ["apply_actions", InstructionType.APPLY_ACTIONS],
  ["clear_actions", InstructionType.CLEAR_ACTIONS],
  ["meter", InstructionType.METER],
  ["experimenter", InstructionType.EXPERIMENTER],
]);

export function decodeInstruction(r: Reader, index: number): Instruction {
  r.enter("instructions", index);
  const type = r.u16("type");
  const length = r.u16("len");
  if (length < 8 || length % 8 !== 0) r.failAt(r.offset - 2, `instruction length ${length} is not a multiple of 8 of at least 8`, "len");
  const bodyStart = r.offset;
  const outer = r.narrow(length - 4, "body");
  const decoded = decodeInstructionBody(r, type, length, bodyStart);
  r.close(outer);
  r.leave();
  return decoded;
}

/** The instruction in the current range (its body, which starts at `bodyStart`). */
function decodeInstructionBody(b: Reader, type: number, length: number, bodyStart: number): Instruction {
  switch (type) {
    case InstructionType.GOTO_TABLE:
      if (length === 8) return { type: "goto_table", tableId: b.u8("table_id") };
      break;
    case InstructionType.WRITE_METADATA:
      if (length === 24) {
        b.pad(4);
        return { type: "write_metadata", metadata: b.u64("metadata"), metadataMask: b.u64("metadata_mask") };
      }
      break;
    case InstructionType.WRITE_ACTIONS:
    case InstructionType.APPLY_ACTIONS: {
      b.pad(4);
      const actions = decodeActions(b, b.remaining);
      return { type: type === InstructionType.WRITE_ACTIONS ? "write_actions" : "apply_actions", actions };
    }
    case InstructionType.CLEAR_ACTIONS:
      if (length === 8) return { type: "clear_actions" };
      break;
    case InstructionType.METER:
      if (length === 8) return { type: "meter", meterId: b.u32("meter_id") };
      break;
    case InstructionType.EXPERIMENTER:
      return { type: "experimenter", experimenter: b.u32("experimenter"), data: b.rest("data") };
  }
  return { type: "unknown", instructionType: type, body: b.viewFrom(bodyStart) };
}

export function decodeInstructions(r: Reader, length: number): Instruction[] {
  const outer = r.narrow(length, "instructions");
  const out: Instruction[] = [];
  while (r.remaining > 0) out.push(decodeInstruction(r, out.length));
  r.close(outer);
  return out;
}

export function encodeInstruction(w: Writer, ins: Instruction, field: string): void {
  w.enter(field);
  encodeInstructionTlv(w, ins);
  w.leave();
}

function encodeInstructionTlv(w: Writer, ins: Instruction): void {
  if (ins === null || typeof ins !== "object") throw new EncodeError("", "expected an instruction object");
  const start = w.length;
  const code = ins.type === "unknown" ? ins.instructionType : TYPE_CODE.get(ins.type);
  if (code === undefined) throw new EncodeError("type", `unknown instruction type "${String((ins as { type: unknown }).type)}"`);
  w.u16(code, "type");
  w.u16(0, "len");
  switch (ins.type) {
    case "goto_table":
      w.u8(ins.tableId, "tableId");
      w.zeros(3);
      break;
    case "write_metadata":
      w.zeros(4);
      w.u64(ins.metadata, "metadata");
      w.u64(ins.metadataMask, "metadataMask");
      break;
    case "write_actions":
    case "apply_actions":
      w.zeros(4);
      encodeActions(w, ins.actions, "actions");
      break;
    case "clear_actions":
      w.zeros(4);
      break;
    case "meter":
      w.u32(ins.meterId, "meterId");
      break;
    case "experimenter":
      w.u32(ins.experimenter, "experimenter");
      w.bytes(ins.data, "data");
      break;
    case "unknown":
      w.bytes(ins.body, "body");
      break;
  }
  w.u16At(start + 2, w.length - start, "len");
}

/** Encodes a list of instructions; errors name `field[i].member`. */
export function encodeInstructions(w: Writer, list: readonly Instruction[], field = "instructions"): void {
  w.enter(field);
  if (!Array.isArray(list)) throw new EncodeError("", "expected a list of instructions");
  for (let i = 0; i < list.length; i++) {
    w.enter("", i);
    encodeInstructionTlv(w, list[i] as Instruction);
    w.leave();
  }
  w.leave();
}
