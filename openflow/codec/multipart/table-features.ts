/**
 * `ofp_table_features` and its properties (spec §7.3.5.5): instruction/action id lists, next-table
 * lists, OXM id lists, experimenter properties. Property lengths exclude padding; each property is
 * padded to a multiple of 8 bytes.
 */
import type { Reader } from "../reader.ts";
import { rethrowWithin } from "../errors.ts";
import { toBytes, type Writer } from "../writer.ts";
import type { OxmId, TableFeatureProperty, TableFeatures, TypeId } from "./types.ts";

const PROP_NAMES: Record<number, TableFeatureProperty["type"]> = {
  0: "instructions",
  1: "instructions_miss",
  2: "next_tables",
  3: "next_tables_miss",
  4: "write_actions",
  5: "write_actions_miss",
  6: "apply_actions",
  7: "apply_actions_miss",
  8: "match",
  10: "wildcards",
  12: "write_setfield",
  13: "write_setfield_miss",
  14: "apply_setfield",
  15: "apply_setfield_miss",
  0xfffe: "experimenter",
  0xffff: "experimenter_miss",
};
const PROP_CODES: Record<string, number> = Object.fromEntries(Object.entries(PROP_NAMES).map(([k, v]) => [v, Number(k)]));

function decodeTypeIds(r: Reader): TypeId[] {
  const ids: TypeId[] = [];
  while (r.remaining > 0) {
    r.enter("ids", ids.length);
    const type = r.u16("type");
    const len = r.u16("len");
    if (len < 4) r.failAt(r.offset - 2, `length ${len} is shorter than 4`, "len");
    ids.push(len > 4 ? { type, data: r.bytes(len - 4, "data") } : { type });
    r.leave();
  }
  return ids;
}

function decodeTableIds(r: Reader): number[] {
  const ids = new Array<number>(r.remaining);
  for (let i = 0; i < ids.length; i++) ids[i] = r.u8("table_ids");
  return ids;
}

function decodeOxmIds(r: Reader): OxmId[] {
  const ids: OxmId[] = [];
  while (r.remaining > 0) {
    const header = r.u32("oxm_ids");
    ids.push(header >>> 16 === 0xffff ? { header, experimenter: r.u32("oxm_ids.experimenter") } : { header });
  }
  return ids;
}

function decodeProperty(r: Reader, index: number): TableFeatureProperty {
  r.enter("properties", index);
  const property = decodePropertyBody(r);
  r.leave();
  return property;
}

function decodePropertyBody(r: Reader): TableFeatureProperty {
  const propType = r.u16("type");
  const length = r.u16("length");
  if (length < 4) r.failAt(r.offset - 2, `length ${length} is shorter than 4`, "length");
  const body = r.sub(length - 4, "body");
  r.pad(Math.min(r.remaining, (8 - (length % 8)) % 8));
  const name = PROP_NAMES[propType];
  switch (name) {
    case "instructions":
    case "instructions_miss":
    case "write_actions":
    case "write_actions_miss":
    case "apply_actions":
    case "apply_actions_miss":
      return { type: name, ids: decodeTypeIds(body) };
    case "next_tables":
    case "next_tables_miss":
      return { type: name, tableIds: decodeTableIds(body) };
    case "match":
    case "wildcards":
    case "write_setfield":
    case "write_setfield_miss":
    case "apply_setfield":
    case "apply_setfield_miss":
      return { type: name, oxmIds: decodeOxmIds(body) };
    case "experimenter":
    case "experimenter_miss":
      return { type: name, experimenter: body.u32("experimenter"), expType: body.u32("exp_type"), data: body.rest("data") };
    default:
      return { type: "unknown", propType, body: body.whole() };
  }
}

function encodeProperty(w: Writer, p: TableFeatureProperty): void {
  const start = w.length;
  w.u16(p.type === "unknown" ? p.propType : (PROP_CODES[p.type] as number), "type");
  w.u16(0, "length");
  switch (p.type) {
    case "instructions":
    case "instructions_miss":
    case "write_actions":
    case "write_actions_miss":
    case "apply_actions":
    case "apply_actions_miss":
      for (const id of p.ids) {
        w.u16(id.type, "table features property ids[].type");
        if (id.data === undefined) {
          w.u16(4, "table features property ids[].len");
        } else {
          const data = toBytes(id.data, "table features property ids[].data");
          w.u16(4 + data.length, "table features property ids[].len");
          w.bytes(data, "table features property ids[].data");
        }
      }
      break;
    case "next_tables":
    case "next_tables_miss":
      for (const t of p.tableIds) w.u8(t, "table features property tableIds[]");
      break;
    case "experimenter":
    case "experimenter_miss":
      w.u32(p.experimenter, "experimenter");
      w.u32(p.expType, "expType");
      w.bytes(toBytes(p.data, "data"), "data");
      break;
    case "unknown":
      w.bytes(toBytes(p.body, "body"), "body");
      break;
    default:
      for (const id of p.oxmIds) {
        w.u32(id.header, "table features property oxmIds[].header");
        if (id.experimenter !== undefined) w.u32(id.experimenter, "table features property oxmIds[].experimenter");
      }
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
    const b = r.sub(length - 2, "body");
    const tableId = b.u8("table_id");
    b.pad(5);
    const name = b.fixedString(32, "name");
    const metadataMatch = b.u64("metadata_match");
    const metadataWrite = b.u64("metadata_write");
    const config = b.u32("config");
    const maxEntries = b.u32("max_entries");
    const properties: TableFeatureProperty[] = [];
    while (b.remaining > 0) properties.push(decodeProperty(b, properties.length));
    r.leave();
    tables.push({ tableId, name, metadataMatch, metadataWrite, config, maxEntries, properties });
  }
  return tables;
}

export function encodeTableFeaturesList(w: Writer, tables: readonly TableFeatures[], field = "tables"): void {
  for (let i = 0; i < tables.length; i++) {
    try {
      encodeTableFeatures(w, tables[i] as TableFeatures);
    } catch (err) {
      rethrowWithin(err, `${field}[${i}]`);
    }
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
    try {
      encodeProperty(w, properties[j] as TableFeatureProperty);
    } catch (err) {
      rethrowWithin(err, `properties[${j}]`);
    }
  }
  w.u16At(start, w.length - start, "length");
}
