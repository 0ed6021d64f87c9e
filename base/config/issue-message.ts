/**
 * Turns a zod issue into the sentence a user reads, in our words (never zod's): what was expected
 * and what was found. A number key states its one range (`an integer from 0 to 4294967295`) however
 * many of its checks failed; an empty value says so; a choice lists the accepted values with a
 * "did you mean". The key path and file position are added by the caller.
 */
import type { z } from "zod";
import { describeFound, valueAt } from "./describe-value.ts";
import { allowedKeysAt, numberRangeAt, type NumberRange } from "./schema-walk.ts";
import { closestName } from "./closest-name.ts";

type Issue = z.core.$ZodIssue;

export function issueMessage(issue: Issue, input: unknown, schema: z.ZodType): string {
  const value = valueAt(input, issue.path);
  const found = describeFound(value);
  /** "expected …" with what was found, "missing required key" or "the value is empty". */
  const expectedFound = (expected: string, hint = ""): string => {
    if (value === undefined) return `missing required key (expected ${expected})`;
    if (value === null) return `the value is empty (expected ${expected})`;
    return `expected ${expected}, found ${found}${hint}`;
  };
  switch (issue.code) {
    case "invalid_type":
      return expectedFound(numberKeyText(schema, issue.path, issue.expected, input) ?? article(issue.expected));
    case "too_small":
      return expectedFound(numberKeyText(schema, issue.path, issue.origin, input) ?? boundText(issue.origin, ">", issue.inclusive ?? false, issue.minimum));
    case "too_big":
      return expectedFound(numberKeyText(schema, issue.path, issue.origin, input) ?? boundText(issue.origin, "<", issue.inclusive ?? false, issue.maximum));
    case "invalid_value":
      return expectedFound(`one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`, didYouMean(value, issue.values));
    case "unrecognized_keys": {
      const allowed = allowedKeysAt(schema, issue.path, input);
      return issue.keys
        .map((key) => {
          const hint = allowed ? closestName(key, allowed) : undefined;
          const list = allowed ? ` (allowed keys: ${allowed.join(", ")})` : "";
          return `unknown key${hint ? ` (did you mean "${hint}"?)` : ""}${list}`;
        })
        .join("; ");
    }
    case "invalid_format":
      if (issue.format === "regex") return issue.message.startsWith("expected ") ? expectedFound(issue.message.slice("expected ".length)) : `${issue.message}, found ${found}`;
      return expectedFound(issue.format);
    case "not_multiple_of":
      return expectedFound(`a multiple of ${String(issue.divisor)}`);
    case "invalid_union":
      return unionMessage(issue, value, expectedFound);
    case "invalid_key": {
      const inner = issue.issues[0];
      const key = issue.path[issue.path.length - 1];
      const rule = inner === undefined ? "a valid key" : inner.message.startsWith("expected ") ? inner.message.slice("expected ".length) : stripZodPrefix(inner.message);
      return `expected ${rule} as the key, found ${JSON.stringify(String(key))}`;
    }
    case "custom":
      if (issue.message.startsWith("expected ") && !issue.message.includes(", found ")) return expectedFound(issue.message.slice("expected ".length));
      return issue.message;
    default:
      return `${stripZodPrefix(issue.message)}, found ${found}`;
  }
}

/** A discriminated union lists its accepted values; a plain union the types its forms take. */
function unionMessage(issue: z.core.$ZodIssueInvalidUnion, value: unknown, expectedFound: (expected: string, hint?: string) => string): string {
  const options = (issue as { options?: unknown[] }).options;
  if (Array.isArray(options) && options.length > 0) return expectedFound(`one of ${options.map((o) => JSON.stringify(o)).join(", ")}`, didYouMean(value, options));
  const own = stripZodPrefix(issue.message);
  if (own !== "") return own.startsWith("expected ") ? expectedFound(own.slice("expected ".length)) : expectedFound(own);
  const types = issue.errors.flatMap((branch) => (branch.length === 1 && branch[0]?.code === "invalid_type" && branch[0].path.length === 0 ? [article(branch[0].expected)] : []));
  if (types.length === issue.errors.length && types.length > 0) return expectedFound([...new Set(types)].join(" or "));
  return expectedFound("one of the allowed forms");
}

function didYouMean(value: unknown, choices: readonly unknown[]): string {
  if (typeof value !== "string") return "";
  const hint = closestName(value, choices.filter((c): c is string => typeof c === "string"));
  return hint !== undefined && hint !== value ? ` (did you mean "${hint}"?)` : "";
}

/** The key's one stated range when the schema at `path` is a bounded number, e.g. "an integer from 0 to 10". */
function numberKeyText(schema: z.ZodType, path: readonly PropertyKey[], kind: string, input: unknown): string | undefined {
  if (kind !== "number" && kind !== "int") return undefined;
  const range = numberRangeAt(schema, path, input);
  if (!range || (range.min === undefined && range.max === undefined && !range.integer)) return undefined;
  return rangeText(range);
}

/** "an integer from 0 to 65535", "a number > 0 and <= 1", "a number >= 0", "an integer". */
export function rangeText(range: NumberRange): string {
  const noun = range.integer ? "an integer" : "a number";
  const { min, max } = range;
  if (min && max && min.inclusive && max.inclusive) return `${noun} from ${min.value} to ${max.value}`;
  const parts = [min ? `${min.inclusive ? ">=" : ">"} ${min.value}` : "", max ? `${max.inclusive ? "<=" : "<"} ${max.value}` : ""].filter((p) => p !== "");
  return parts.length === 0 ? noun : `${noun} ${parts.join(" and ")}`;
}

function article(expected: string): string {
  const words: Record<string, string> = {
    number: "a number",
    string: "a string",
    boolean: "a boolean (true or false)",
    object: "a mapping",
    record: "a mapping",
    map: "a mapping",
    array: "a list",
    tuple: "a list",
    set: "a list",
    int: "an integer",
    bigint: "an integer",
  };
  return words[expected] ?? expected;
}

function boundText(origin: string, direction: ">" | "<", inclusive: boolean, bound: number | bigint | Date): string {
  const op = `${direction}${inclusive ? "=" : ""}`;
  const b = String(bound);
  switch (origin) {
    case "array":
    case "set":
      return direction === ">" ? `a list of at least ${b} item(s)` : `a list of at most ${b} item(s)`;
    case "string":
      return direction === ">" ? `text of at least ${b} character(s)` : `text of at most ${b} character(s)`;
    default:
      return `a number ${op} ${b}`;
  }
}

function stripZodPrefix(message: string): string {
  return message.replace(/^Invalid input:?\s*/i, "");
}
