/**
 * The bounds every REST request is held to, in one table (`API_LIMITS`, documented in README.md),
 * and the check of a parsed request part against them (`limitIssue`).
 *
 * The server checks a request completely before it changes anything: over-limit input is answered
 * 4xx naming the field (its key path) and the limit, and never reaches the Manager. The bounds keep
 * every stored value small and shallow enough for every later answer to show it, and every id a
 * client may choose short enough for a URL to carry it back (`GET`/`DELETE /chains/{id}`).
 */
import type { ApiIssue } from "./errors.ts";
import { describeFound, formatPath, quote } from "./messages.ts";

export const API_LIMITS = {
  /** Largest request body, bytes; larger → 413. */
  bodyBytes: 64 * 1024,
  /** Deepest nesting of objects and arrays in a body (the body itself is level 1); deeper → 400. */
  jsonDepth: 16,
  /** Longest string value, object key or query value, characters; longer → 400. */
  stringChars: 1024,
  /** Most items in one array of a body; more → 400. */
  arrayItems: 256,
  /** Longest id a client may give a new chain, characters; longer → 400. */
  chainIdChars: 64,
  /** Longest path parameter (a resource id in the URL), characters; longer → 414 on every route. */
  pathParamChars: 256,
  /** Keys refused anywhere in a body or query: they could reach object prototypes. */
  forbiddenKeys: ["__proto__", "constructor", "prototype"] as readonly string[],
} as const;

interface Pending {
  value: unknown;
  path: PropertyKey[];
  /** Nesting level of `value` if it is an object or array (the part itself is 1). */
  depth: number;
}

/**
 * The first place (in document order) where `value`, the parsed part `root` ("body", "query",
 * "params") of a request, breaks `API_LIMITS`, or undefined. Walks with an explicit stack (no
 * recursion) and stops at the first problem, so its work is bounded by the body size.
 */
export function limitIssue(root: string, value: unknown): ApiIssue | undefined {
  const stack: Pending[] = [{ value, path: [], depth: 1 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop() as Pending;
    if (typeof v === "string") {
      if (v.length > API_LIMITS.stringChars) return { path: formatPath(root, path), message: `expected a string of at most ${API_LIMITS.stringChars} characters, found ${v.length}` };
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (depth > API_LIMITS.jsonDepth) return { path: formatPath(root, path), message: `nested too deep: expected at most ${API_LIMITS.jsonDepth} levels of objects and arrays, found ${describeFound(v)} at level ${depth}` };
    const children: Pending[] = [];
    if (Array.isArray(v)) {
      if (v.length > API_LIMITS.arrayItems) return { path: formatPath(root, path), message: `expected at most ${API_LIMITS.arrayItems} items, found ${v.length}` };
      v.forEach((item: unknown, i) => children.push({ value: item, path: [...path, i], depth: depth + 1 }));
    } else {
      for (const key of Object.keys(v)) {
        if (API_LIMITS.forbiddenKeys.includes(key)) return { path: formatPath(root, [...path, key]), message: `the key ${quote(key)} is not accepted anywhere in a request` };
        if (key.length > API_LIMITS.stringChars) return { path: formatPath(root, path), message: `expected keys of at most ${API_LIMITS.stringChars} characters, found the key ${quote(key)} of ${key.length}` };
        children.push({ value: (v as Record<string, unknown>)[key], path: [...path, key], depth: depth + 1 });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Pending);
  }
  return undefined;
}
