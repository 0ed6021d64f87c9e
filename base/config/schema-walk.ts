/**
 * Walks a zod schema along a key path (through defaults, optionals, pipes, arrays, records and
 * unions) to find the schema of a key — for "unknown key … allowed keys: …" messages and for the
 * one stated range of a number key.
 */
import type { z } from "zod";

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  items?: z.ZodType[];
  checks?: { _zod: { def: CheckDef } }[];
}

interface CheckDef {
  check: string;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema inside defaults, optionals, nullables and the input side of pipes (transforms). */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else break;
  }
  return current;
}

/** One step along `key`, or undefined when the schema has no such key. Unions take the first option that has it. */
function step(schema: z.ZodType, key: PropertyKey): z.ZodType | undefined {
  const def = defOf(schema);
  if (def.type === "object" && def.shape && typeof key === "string" && Object.hasOwn(def.shape, key)) return unwrap(def.shape[key] as z.ZodType);
  if (def.type === "array" && def.element && typeof key === "number") return unwrap(def.element);
  if (def.type === "tuple" && def.items && typeof key === "number" && def.items[key]) return unwrap(def.items[key]);
  if (def.type === "record" && def.valueType) return unwrap(def.valueType);
  if (def.type === "union" && def.options) {
    for (const option of def.options) {
      const found = step(unwrap(option), key);
      if (found) return found;
    }
  }
  return undefined;
}

/** The (unwrapped) schema of the key at `path`, or undefined when the path leaves the schema. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const key of path) {
    if (!current) return undefined;
    current = step(current, key);
  }
  return current;
}

export function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  const at = schemaAt(schema, path);
  if (!at) return undefined;
  const def = defOf(at);
  return def.type === "object" && def.shape ? Object.keys(def.shape) : undefined;
}

/** A number key's accepted values as the schema states them. */
export interface NumberRange {
  integer: boolean;
  min?: { value: number; inclusive: boolean };
  max?: { value: number; inclusive: boolean };
}

/**
 * The range of the number key at `path` (the tightest bounds among its checks; the safe-integer
 * limits of `.int()` only when nothing tighter is given), or undefined when it is not a number key.
 */
export function numberRangeAt(schema: z.ZodType, path: readonly PropertyKey[]): NumberRange | undefined {
  const at = schemaAt(schema, path);
  if (!at || defOf(at).type !== "number") return undefined;
  const range: NumberRange = { integer: false };
  for (const check of defOf(at).checks ?? []) {
    const c = check._zod.def;
    if (c.check === "number_format" && (c.format === "safeint" || c.format === "int32" || c.format === "uint32")) range.integer = true;
    if (c.value === undefined) continue;
    const bound = { value: Number(c.value), inclusive: c.inclusive ?? true };
    if (c.check === "greater_than" && (range.min === undefined || bound.value > range.min.value)) range.min = bound;
    if (c.check === "less_than" && (range.max === undefined || bound.value < range.max.value)) range.max = bound;
  }
  return range;
}
