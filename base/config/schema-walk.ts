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
  values?: unknown[];
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

/**
 * The options of a union the input value may mean: those whose literal keys (a discriminator such
 * as `type: grid`) match the value, or every option when none has a literal the value matches.
 */
function meantOptions(options: readonly z.ZodType[], value: unknown): z.ZodType[] {
  const unwrapped = options.map(unwrap);
  if (value === null || typeof value !== "object") return unwrapped;
  const matching = unwrapped.filter((o) => {
    const shape = defOf(o).shape;
    if (!shape) return false;
    const literals = Object.entries(shape).filter(([, s]) => defOf(unwrap(s)).type === "literal");
    return literals.length > 0 && literals.every(([k, s]) => (defOf(unwrap(s)).values ?? []).includes((value as Record<string, unknown>)[k]));
  });
  return matching.length > 0 ? matching : unwrapped;
}

/** One step along `key` (`value`: the input at this level), or undefined when the schema has no such key. Unions take the first meant option that has it. */
function step(schema: z.ZodType, key: PropertyKey, value: unknown): z.ZodType | undefined {
  const def = defOf(schema);
  if (def.type === "object" && def.shape && typeof key === "string" && Object.hasOwn(def.shape, key)) return unwrap(def.shape[key] as z.ZodType);
  if (def.type === "array" && def.element && typeof key === "number") return unwrap(def.element);
  if (def.type === "tuple" && def.items && typeof key === "number" && def.items[key]) return unwrap(def.items[key]);
  if (def.type === "record" && def.valueType) return unwrap(def.valueType);
  if (def.type === "union" && def.options) {
    for (const option of meantOptions(def.options, value)) {
      const found = step(option, key, value);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The (unwrapped) schema of the key at `path`, or undefined when the path leaves the schema.
 * `input` (the parsed file) picks the meant form of a union by its discriminator.
 */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[], input?: unknown): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  let value = input;
  for (const key of path) {
    if (!current) return undefined;
    current = step(current, key, value);
    value = value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return current;
}

/** The keys the mapping at `path` allows (for a union: those of its one mapping form), or undefined. */
export function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[], input?: unknown): string[] | undefined {
  const at = schemaAt(schema, path, input);
  if (!at) return undefined;
  const def = defOf(at);
  if (def.type === "object" && def.shape) return Object.keys(def.shape);
  if (def.type !== "union" || !def.options) return undefined;
  const value = path.reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined), input);
  const objects = meantOptions(def.options, value).map(defOf).filter((d) => d.type === "object" && d.shape);
  return objects.length === 1 ? Object.keys(objects[0]?.shape ?? {}) : undefined;
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
export function numberRangeAt(schema: z.ZodType, path: readonly PropertyKey[], input?: unknown): NumberRange | undefined {
  const at = schemaAt(schema, path, input);
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
