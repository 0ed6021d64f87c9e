/**
 * `ofp_table_features` and its properties (spec §7.3.5.5): instruction/action id lists, next-table
 * lists, OXM id lists, experimenter properties. Property lengths exclude padding; each property is
 * padded to a multiple of 8 bytes.
 *
 * Id lists are flat (a table-features reply holds thousands of ids): next-table ids decode to a
 * `Uint8Array`, instruction/action ids to a `Uint16Array` of their type codes and OXM ids to a
 * `Uint32Array` of their 32-bit headers. Only the rare ids that carry more decode to objects:
 * `{ type, data }` for an instruction/action id with experimenter data, `{ header, experimenter }`
 * for an experimenter-class OXM id; such a property's ids are then a list of numbers and those
 * objects. Encoders accept either form for any id.
 */
import type { Reader } from "../reader.ts";
import type { Writer } from "../writer.ts";
import type { OxmId, TableFeatureProperty, TableFeatures, TypeId } from "./types.ts";

/** Property type names by code 0..15 (a dense array: cheaper than a sparse keyed object). */
const PROP_NAMES: readonly (TableFeatureProperty["type"] | undefined)[] = [
  "instructions", "instructions_miss", "next_tables", "next_tables_miss", "write_actions", "write_actions_miss", "apply_actions", "apply_actions_miss",
  "match", undefined, "wildcards", undefined, "write_setfield", "write_setfield_miss", "apply_setfield", "apply_setfield_miss",
];
const OFPTFPT_EXPERIMENTER = 0xfffe;
const OFPTFPT_EXPERIMENTER_MISS = 0xffff;
const PROP_CODES: ReadonlyMap<string, number> = new Map([
  ...PROP_NAMES.flatMap((name, code): [string, number][] => (name === undefined ? [] : [[name, code]])),
  ["experimenter", OFPTFPT_EXPERIMENTER],
  ["experimenter_miss", OFPTFPT_EXPERIMENTER_MISS],
]);
const OXM_CLASS_EXPERIMENTER = 0xffff;

/**
 * `ofp_instruction_id` / `ofp_action_id` list: `type`, `len` (>= 4), experimenter data. When no
 * id carries data (every `len` is 4), a `Uint16Array` of the types; else a list of numbers with a
 * `TypeId` for each id that carries data.
 */
function decodeTypeIds(r: Reader): Uint16Array | (number | TypeId)[] {
  return ((r.remaining & 3) === 0 ? r.plainTypeIds(r.remaining >>> 2) : undefined) ?? decodeTypeIdList(r);
}

/** The general form of `decodeTypeIds`: ids with data become `TypeId`s. */
function decodeTypeIdList(r: Reader): (number | TypeId)[] {
  const ids: (number | TypeId)[] = [];
  while (r.remaining > 0) {
    // The path (`ids[i]`) is entered only where an error or data needs it.
    if (r.remaining < 4) {
      r.enter("ids", ids.length);
      r.u16("type");
      r.u16("len"); // fails: fewer than 4 bytes were left
    }
    const word = r.u32("type"); // type and len in one read (4 bytes are left, checked above)
    const type = word >>> 16;
    const len = word & 0xffff;
    if (len === 4) {
      ids.push(type);
      continue;
    }
    r.enter("ids", ids.length);
    if (len < 4) r.failAt(r.offset - 2, `length ${len} is shorter than 4`, "len");
    ids.push({ type, data: r.bytes(len - 4, "data") });
    r.leave();
  }
  return ids;
}

/** Table ids are bytes: a view of the message, no per-id work. */
function decodeTableIds(r: Reader): Uint8Array {
  return r.rest("table_ids");
}

/**
 * OXM headers (u32 each): a `Uint32Array` when none is of the experimenter class, else a list in
 * which each experimenter-class header and the word after it (its experimenter id) are one `OxmId`.
 */
function decodeOxmIds(r: Reader): Uint32Array | (number | OxmId)[] {
  const words = r.u32Array(r.remaining >>> 2, "oxm_ids");
  if (r.remaining > 0) r.u32("oxm_ids"); // fails: a partial word is left
  for (let i = 0; i < words.length; i++) if ((words[i] as number) >>> 16 === OXM_CLASS_EXPERIMENTER) return withExperimenterIds(r, words, i);
  return words;
}

/**
 * The id list of `words` (all the words of the property; the reader is just past them) whose
 * first experimenter-class header is at `first`.
 */
function withExperimenterIds(r: Reader, words: Uint32Array, first: number): (number | OxmId)[] {
  const ids: (number | OxmId)[] = Array.from(words.subarray(0, first));
  for (let i = first; i < words.length; i++) {
    const header = words[i] as number;
    if (header >>> 16 !== OXM_CLASS_EXPERIMENTER) ids.push(header);
    else if (i + 1 < words.length) ids.push({ header, experimenter: words[++i] as number });
    else ids.push({ header, experimenter: r.u32("oxm_ids.experimenter") }); // fails: the reader is just past the last word
  }
  return ids;
}

function decodeProperty(r: Reader): TableFeatureProperty {
  const propType = r.u16("type");
  const length = r.u16("length");
  if (length < 4) r.failAt(r.offset - 2, `length ${length} is shorter than 4`, "length");
  const bodyStart = r.offset;
  const outer = r.narrow(length - 4, "body");
  const property = decodePropertyBody(r, propType, bodyStart);
  r.close(outer);
  r.pad(Math.min(r.remaining, (8 - (length % 8)) % 8));
  return property;
}

/** The property whose body is the current range (starting at `bodyStart`). */
function decodePropertyBody(r: Reader, propType: number, bodyStart: number): TableFeatureProperty {
  const name = propType < 16 ? PROP_NAMES[propType] : propType === OFPTFPT_EXPERIMENTER ? "experimenter" : propType === OFPTFPT_EXPERIMENTER_MISS ? "experimenter_miss" : undefined;
  switch (name) {
    case "instructions":
    case "instructions_miss":
    case "write_actions":
    case "write_actions_miss":
    case "apply_actions":
    case "apply_actions_miss":
      return { type: name, ids: decodeTypeIds(r) };
    case "next_tables":
    case "next_tables_miss":
      return { type: name, tableIds: decodeTableIds(r) };
    case "match":
    case "wildcards":
    case "write_setfield":
    case "write_setfield_miss":
    case "apply_setfield":
    case "apply_setfield_miss":
      return { type: name, oxmIds: decodeOxmIds(r) };
    case "experimenter":
    case "experimenter_miss": {
      const experimenter = r.u32("experimenter");
      return { type: name, experimenter, expType: r.u32("exp_type"), data: r.rest("data") };
    }
    default:
      return { type: "unknown", propType, body: r.viewFrom(bodyStart) };
  }
}

function encodeTypeIds(w: Writer, ids: Uint16Array | readonly (number | TypeId)[]): void {
  if (ids instanceof Uint16Array) return w.typeIdWords(ids);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number | TypeId;
    if (typeof id === "number" && (id & 0xffff) === id) {
      w.u32(((id << 16) | 4) >>> 0, "ids");
      continue;
    }
    w.enter("ids", i);
    if (typeof id !== "object" || id === null) w.u16(id, ""); // fails: not a u16 (those took the fast path)
    else if (id.data === undefined) {
      w.u16(id.type, "type");
      w.u16(4, "len");
    } else {
      const start = w.length;
      w.u16(id.type, "type");
      w.u16(0, "len");
      w.bytes(id.data, "data");
      w.u16At(start + 2, w.length - start, "len");
    }
    w.leave();
  }
}

function encodeTableIds(w: Writer, tableIds: Uint8Array | readonly number[]): void {
  if (tableIds instanceof Uint8Array) return w.bytes(tableIds, "tableIds");
  const i = w.u8Run(tableIds, 0);
  if (i === tableIds.length) return;
  w.enter("tableIds", i);
  w.u8(tableIds[i] as number, ""); // fails: not a u8
}

function encodeOxmIds(w: Writer, ids: Uint32Array | readonly (number | OxmId)[]): void {
  if (ids instanceof Uint32Array) return w.u32Array(ids);
  for (let i = w.u32Run(ids, 0); i < ids.length; i = w.u32Run(ids, i + 1)) {
    const id = ids[i] as number | OxmId;
    w.enter("oxmIds", i);
    if (typeof id !== "object" || id === null) w.u32(id, ""); // fails: not a u32 (those were written by the run)
    else {
      w.u32(id.header, "header");
      if (id.experimenter !== undefined) w.u32(id.experimenter, "experimenter");
    }
    w.leave();
  }
}

function encodeProperty(w: Writer, p: TableFeatureProperty): void {
  const start = w.length;
  w.u16(p.type === "unknown" ? p.propType : (PROP_CODES.get(p.type) as number), "type");
  w.u16(0, "length");
  switch (p.type) {
    case "instructions":
    case "instructions_miss":
    case "write_actions":
    case "write_actions_miss":
    case "apply_actions":
    case "apply_actions_miss":
      encodeTypeIds(w, p.ids);
      break;
    case "next_tables":
    case "next_tables_miss":
      encodeTableIds(w, p.tableIds);
      break;
    case "experimenter":
    case "experimenter_miss":
      w.u32(p.experimenter, "experimenter");
      w.u32(p.expType, "expType");
      w.bytes(p.data, "data");
      break;
    case "unknown":
      w.bytes(p.body, "body");
      break;
    default:
      encodeOxmIds(w, p.oxmIds);
  }
  w.u16At(start + 2, w.length - start, "length");
  w.padTo(start, 8);
}

export function decodeTableFeaturesList(r: Reader): TableFeatures[] {
  const tables: TableFeatures[] = [];
  while (r.remaining > 0) {
    r.enter("tables", tables.length);
    const length = r.u16("length");
    if (length < 64) r.failAt(r.offset - 2, `table features length ${length} is shorter than its 64-byte header`, "length");
    const outer = r.narrow(length - 2, "body");
    const tableId = r.u8("table_id");
    r.pad(5);
    const name = r.fixedString(32, "name");
    const metadataMatch = r.u64("metadata_match");
    const metadataWrite = r.u64("metadata_write");
    const config = r.u32("config");
    const maxEntries = r.u32("max_entries");
    const properties: TableFeatureProperty[] = [];
    while (r.remaining > 0) {
      r.enter("properties", properties.length);
      properties.push(decodeProperty(r));
      r.leave();
    }
    r.close(outer);
    r.leave();
    tables.push({ tableId, name, metadataMatch, metadataWrite, config, maxEntries, properties });
  }
  return tables;
}

/** Encodes table features records; errors name `tables[i].properties[j].member`. */
export function encodeTableFeaturesList(w: Writer, tables: readonly TableFeatures[]): void {
  for (let i = 0; i < tables.length; i++) {
    w.enter("tables", i);
    encodeTableFeatures(w, tables[i] as TableFeatures);
    w.leave();
  }
}

function encodeTableFeatures(w: Writer, t: TableFeatures): void {
  const start = w.length;
  w.u16(0, "length");
  w.u8(t.tableId, "tableId");
  w.zeros(5);
  w.fixedString(t.name, 32, "name");
  w.u64(t.metadataMatch, "metadataMatch");
  w.u64(t.metadataWrite, "metadataWrite");
  w.u32(t.config, "config");
  w.u32(t.maxEntries, "maxEntries");
  const properties = t.properties;
  for (let j = 0; j < properties.length; j++) {
    w.enter("properties", j);
    encodeProperty(w, properties[j] as TableFeatureProperty);
    w.leave();
  }
  w.u16At(start, w.length - start, "length");
}
