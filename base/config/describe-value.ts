/** Describes a value found in a scenario file for error messages: `"fast" (a string)`, `a list`. */
export function describeFound(value: unknown): string {
  if (value === undefined) return "nothing (the key is missing)";
  if (value === null) return "null (an empty value)";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : `a list of ${value.length}`;
  switch (typeof value) {
    case "string":
      return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}" (a string)`;
    case "number":
      return `${value} (a number)`;
    case "boolean":
      return `${value} (a boolean)`;
    case "object":
      return "a mapping";
    default:
      return typeof value;
  }
}

/** The value at `path` inside a parsed YAML/JSON tree, or undefined. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** `ues.mobility.speed`, `chains[2].vnfs[0]`; `(top level)` for the empty path. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text === "" ? String(key) : `.${String(key)}`;
  }
  return text;
}
