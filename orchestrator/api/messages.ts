/**
 * The REST API's error messages in our own words: zod issues and fastify's request errors
 * translated into "<key path>: expected <what>, found <what>". No "Invalid input", no
 * "[object Object]", no library terms (discriminator, union, FST_ERR_…) reach the client.
 *
 * @example
 *   body.vnfs[0].type: expected a string, found nothing
 *   query.status: expected one of "waiting", "starting", …, found the string "sleeping"
 *   content-type: expected application/json, found "text/plain"
 */
import type { z } from "zod";
import type { ApiIssue } from "./errors.ts";

/** Strings are quoted in messages up to this many characters, then cut with "…". */
const QUOTE_CHARS = 60;
/** At most this many allowed values are listed in a message. */
const LISTED_VALUES = 12;

type ZodIssue = z.core.$ZodIssue;

/** Keys written after a dot (up to QUOTE_CHARS long); any other key is quoted in brackets: `query["ue[]"]`. */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `["vnfs", 0, "type"]` under `body` → `body.vnfs[0].type`; `["a b"]` → `body["a b"]`. */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else {
      const text = String(key);
      out += PLAIN_KEY.test(text) && text.length <= QUOTE_CHARS ? `.${text}` : `[${quote(text)}]`;
    }
  }
  return out;
}

/** `text` in double quotes, cut at QUOTE_CHARS characters with "…". */
export function quote(text: string): string {
  return JSON.stringify(text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text);
}

/** A value as a message names what was found: `the string "abc"`, `a list of 3 items`, `nothing`. */
export function describeFound(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return value === "" ? "an empty string" : `the string ${quote(value)}`;
  if (typeof value === "number") return Number.isNaN(value) ? "not-a-number" : `the number ${value}`;
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 0) return "an empty object";
    const shown = keys.slice(0, 5).map(quote).join(", ");
    return `an object with key${keys.length === 1 ? "" : "s"} ${shown}${keys.length > 5 ? ", …" : ""}`;
  }
  return `a ${typeof value}`;
}

/** A literal allowed value as a message lists it. */
function literal(value: unknown): string {
  return typeof value === "string" ? quote(value) : String(value);
}

function oneOf(values: readonly unknown[]): string {
  if (values.length === 1) return literal(values[0]);
  const listed = values.slice(0, LISTED_VALUES).map(literal).join(", ");
  return `one of ${listed}${values.length > LISTED_VALUES ? ", …" : ""}`;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  bigint: "an integer",
  null: "null",
  undefined: "nothing",
  array: "a list",
  tuple: "a list",
  object: "an object",
  record: "an object",
  map: "an object",
  date: "a date",
  nan: "not-a-number",
  nonoptional: "a value",
  never: "no value here",
  void: "nothing",
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? `a value of type ${expected}`;
}

const UNITS: Readonly<Record<string, [one: string, many: string]>> = {
  string: ["character", "characters"],
  array: ["item", "items"],
  set: ["item", "items"],
  file: ["byte", "bytes"],
};

function sizeOf(origin: string, input: unknown): string | undefined {
  if (origin === "string" && typeof input === "string") return String(input.length);
  if (origin === "array" && Array.isArray(input)) return String(input.length);
  return undefined;
}

function bound(issue: Extract<ZodIssue, { code: "too_big" | "too_small" }>): string {
  const big = issue.code === "too_big";
  const limit = String(big ? issue.maximum : issue.minimum);
  const unit = UNITS[issue.origin];
  if (unit) {
    const count = `${limit} ${limit === "1" ? unit[0] : unit[1]}`;
    const found = sizeOf(issue.origin, issue.input);
    const expected = issue.exact ? `exactly ${count}` : `${big ? "at most" : "at least"} ${count}`;
    return `expected ${expected}, found ${found === undefined ? describeFound(issue.input) : `${found}`}`;
  }
  const relation = issue.exact ? "equal to" : big ? (issue.inclusive === false ? "less than" : "at most") : issue.inclusive === false ? "greater than" : "at least";
  return `expected a number ${relation} ${limit}, found ${describeFound(issue.input)}`;
}

/** zod's own English text (as opposed to a message a schema author wrote). */
function isLibraryText(message: string): boolean {
  return /^(Invalid|Too (big|small)|Unrecognized key|Expected)/.test(message);
}

function formatText(issue: Extract<ZodIssue, { code: "invalid_format" }>): string {
  if (!isLibraryText(issue.message)) return `${issue.message}, found ${describeFound(issue.input)}`;
  const wanted = issue.format === "regex" && issue.pattern ? `text matching ${issue.pattern}` : `a valid ${issue.format}`;
  return `expected ${wanted}, found ${describeFound(issue.input)}`;
}

/** True if a union branch failed on the value's own type (not on something inside it). */
function failsOnType(branch: readonly ZodIssue[]): boolean {
  return branch.some((i) => i.path.length === 0 && (i.code === "invalid_type" || i.code === "invalid_value"));
}

/** What a branch that failed on the value's type expected: "a string", `one of "a", "b"`. */
function branchExpectation(branch: readonly ZodIssue[]): string[] {
  return branch.filter((i) => i.path.length === 0).flatMap((i) => (i.code === "invalid_type" ? [typeName(i.expected)] : i.code === "invalid_value" ? [oneOf(i.values)] : []));
}

function unionIssues(root: string, base: readonly PropertyKey[], issue: Extract<ZodIssue, { code: "invalid_union" }>, hints: KeyHints): ApiIssue[] {
  const where = formatPath(root, base);
  if (issue.discriminator !== undefined) {
    // The path already ends at the tag key; the input is the object carrying it.
    const input = issue.input !== null && typeof issue.input === "object" ? (issue.input as Record<string, unknown>)[issue.discriminator] : undefined;
    const options = "options" in issue && issue.options ? issue.options : [];
    return [{ path: where, message: `expected ${oneOf(options)}, found ${describeFound(input)}` }];
  }
  if (issue.errors.length === 0) return [{ path: where, message: `fits more than one of the accepted forms, found ${describeFound(issue.input)}` }];
  // The branch that got furthest: one that accepted the value's type and failed inside it.
  const fitting = issue.errors.find((branch) => !failsOnType(branch));
  if (fitting) return fitting.flatMap((inner) => translateIssue(root, [...base, ...inner.path], inner, hints));
  const expected = [...new Set(issue.errors.flatMap(branchExpectation))];
  const wanted = expected.length <= 1 ? (expected[0] ?? "another value") : `${expected.slice(0, -1).join(", ")} or ${expected[expected.length - 1]}`;
  return [{ path: where, message: `expected ${wanted}, found ${describeFound(issue.input)}` }];
}

/** Hints for keys a client may carry over from a scenario file or mistype. */
export type KeyHints = Readonly<Record<string, string>>;

/** One zod issue at `path` (absolute within the part `root`) → API issues in our own words. */
function translateIssue(root: string, path: readonly PropertyKey[], issue: ZodIssue, hints: KeyHints): ApiIssue[] {
  const where = formatPath(root, path);
  switch (issue.code) {
    case "invalid_type":
      return [{ path: where, message: `expected ${typeName(issue.expected)}, found ${describeFound(issue.input)}` }];
    case "too_big":
    case "too_small":
      return [{ path: where, message: bound(issue) }];
    case "invalid_format":
      return [{ path: where, message: formatText(issue) }];
    case "not_multiple_of":
      return [{ path: where, message: `expected a multiple of ${issue.divisor}, found ${describeFound(issue.input)}` }];
    case "invalid_value":
      return [{ path: where, message: `expected ${oneOf(issue.values)}, found ${describeFound(issue.input)}` }];
    case "unrecognized_keys": {
      const what = root === "query" ? "query parameter" : "field";
      return issue.keys.map((key) => ({ path: formatPath(root, [...path, key]), message: Object.hasOwn(hints, key) ? (hints[key] as string) : `unknown ${what} ${quote(key)}` }));
    }
    case "invalid_union":
      return unionIssues(root, path, issue, hints);
    case "invalid_key":
      return issue.issues.flatMap((inner) => translateIssue(root, path, inner, hints).map((i) => ({ path: i.path, message: `key ${quote(String(path[path.length - 1]))}: ${i.message}` })));
    case "invalid_element":
      return issue.issues.flatMap((inner) => translateIssue(root, [...path, ...inner.path], inner, hints));
    case "custom":
      return [{ path: where, message: isLibraryText(issue.message) ? `not accepted: found ${describeFound(issue.input)}` : issue.message }];
    default: {
      const unknown = issue as { message?: unknown; input?: unknown };
      return [{ path: where, message: `not accepted: found ${describeFound(unknown.input)}` }];
    }
  }
}

/**
 * zod issues of the request part `root` ("body", "query", "params") → API issues. Parse with
 * `{ reportInput: true }` so that each message can say what was found.
 */
export function issuesFromZod(root: string, error: z.ZodError, hints: KeyHints = {}): ApiIssue[] {
  return error.issues.flatMap((issue) => translateIssue(root, issue.path, issue, hints));
}
