/**
 * Walks a zod schema along a key path (through defaults, optionals, pipes and arrays) to list the
 * keys an object allows there — for "unknown key … allowed keys: …" messages.
 */
import type { z } from "zod";

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

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

export function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let current = unwrap(schema);
  for (const key of path) {
    const def = defOf(current);
    if (def.type === "object" && def.shape && typeof key === "string" && key in def.shape) {
      current = unwrap(def.shape[key] as z.ZodType);
    } else if (def.type === "array" && def.element && typeof key === "number") {
      current = unwrap(def.element);
    } else if (def.type === "record" && def.valueType) {
      current = unwrap(def.valueType);
    } else {
      return undefined;
    }
  }
  const def = defOf(current);
  return def.type === "object" && def.shape ? Object.keys(def.shape) : undefined;
}
