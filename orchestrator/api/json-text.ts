/**
 * JSON text of a value without recursion, for the REST API's answers and view copies.
 *
 * `JSON.stringify` recurses once per nesting level and throws "Maximum call stack size exceeded"
 * a few thousand levels deep; one such value stored in the Manager (e.g. a chain's vNF `params`)
 * would then break every answer that shows it, for the rest of the server's life. `stringifyJson`
 * walks with an explicit stack instead, so its depth is bounded only by memory, and produces
 * exactly `JSON.stringify(value)` for every plain JSON value (same key order, same escapes,
 * `undefined`/functions/symbols dropped from objects and `null` in arrays, non-finite numbers
 * `null`, `toJSON` honoured). A cycle is a TypeError, as with `JSON.stringify`.
 *
 * `JSON.parse` does not recurse in V8, so `copyJson` (parse of stringify) is a deep copy that is
 * safe at any depth.
 */

/** One open array or object being written: its remaining entries and whether one was written. */
interface Frame {
  readonly container: object;
  readonly close: "]" | "}";
  readonly entries: readonly (readonly [key: string | undefined, value: unknown])[];
  next: number;
  wroteOne: boolean;
}

/** The value JSON writes for `value` under `key` (after `toJSON`); undefined when it is skipped. */
function jsonValue(value: unknown, key: string): unknown {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  return value;
}

/** Text of a value that has no children, or undefined when JSON skips it. */
function scalarText(value: unknown): string | undefined {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      throw new TypeError("Do not know how to serialize a BigInt");
    default:
      return undefined;
  }
}

function openFrame(value: object, ancestors: Set<object>): Frame {
  if (ancestors.has(value)) throw new TypeError("Converting circular structure to JSON");
  ancestors.add(value);
  if (Array.isArray(value)) {
    return { container: value, close: "]", entries: Array.from(value as unknown[], (v, i) => [String(i), v] as const), next: 0, wroteOne: false };
  }
  // Boxed primitives write as their primitive, as in JSON.stringify.
  const entries = Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k]] as const);
  return { container: value, close: "}", entries, next: 0, wroteOne: false };
}

/** `JSON.stringify(value)` (no replacer, no indent) without recursion. */
export function stringifyJson(value: unknown): string | undefined {
  const top = jsonValue(value, "");
  if (top === null || typeof top !== "object") return scalarText(top);
  if (top instanceof Number || top instanceof String || top instanceof Boolean) return scalarText(top.valueOf());
  const parts: string[] = [];
  const ancestors = new Set<object>();
  const stack: Frame[] = [openFrame(top, ancestors)];
  parts.push(Array.isArray(top) ? "[" : "{");
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next >= frame.entries.length) {
      parts.push(frame.close);
      ancestors.delete(frame.container);
      stack.pop();
      continue;
    }
    const [key, raw] = frame.entries[frame.next] as readonly [string, unknown];
    frame.next++;
    const isArray = frame.close === "]";
    let child = jsonValue(raw, key);
    if (child instanceof Number || child instanceof String || child instanceof Boolean) child = child.valueOf();
    const composite = child !== null && typeof child === "object";
    const text = composite ? undefined : scalarText(child);
    if (!composite && text === undefined && !isArray) continue; // skipped object member
    if (frame.wroteOne) parts.push(",");
    frame.wroteOne = true;
    if (!isArray) parts.push(JSON.stringify(key), ":");
    if (composite) {
      stack.push(openFrame(child as object, ancestors));
      parts.push(Array.isArray(child) ? "[" : "{");
    } else parts.push(text ?? "null");
  }
  return parts.join("");
}

/** A deep copy through JSON text (drops undefined fields, as the wire does); safe at any depth. */
export function copyJson<T>(value: T): T {
  const text = stringifyJson(value);
  return (text === undefined ? undefined : JSON.parse(text)) as T;
}
