/**
 * Turns a zod issue into the sentence a user reads: what was expected and what was found.
 * The key path and file position are added by the caller.
 */
import type { z } from "zod";
import { describeFound, valueAt } from "./describe-value.ts";
import { allowedKeysAt } from "./schema-walk.ts";
import { closestName } from "./closest-name.ts";

type Issue = z.core.$ZodIssue;

export function issueMessage(issue: Issue, input: unknown, schema: z.ZodType): string {
  const found = describeFound(valueAt(input, issue.path));
  switch (issue.code) {
    case "invalid_type": {
      if (valueAt(input, issue.path) === undefined) return `missing required key (expected ${article(issue.expected)})`;
      return `expected ${article(issue.expected)}, found ${found}`;
    }
    case "too_small":
      return `expected ${boundText(issue.origin, ">", issue.inclusive ?? false, issue.minimum)}, found ${found}`;
    case "too_big":
      return `expected ${boundText(issue.origin, "<", issue.inclusive ?? false, issue.maximum)}, found ${found}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, found ${found}`;
    case "unrecognized_keys": {
      const allowed = allowedKeysAt(schema, issue.path);
      return issue.keys
        .map((key) => {
          const hint = allowed ? closestName(key, allowed) : undefined;
          const list = allowed ? ` (allowed keys: ${allowed.join(", ")})` : "";
          return `unknown key${hint ? ` (did you mean "${hint}"?)` : ""}${list}`;
        })
        .join("; ");
    }
    case "invalid_format":
      return `${issue.format === "regex" ? issue.message : `expected ${issue.format}`}, found ${found}`;
    case "not_multiple_of":
      return `expected a multiple of ${String(issue.divisor)}, found ${found}`;
    case "invalid_union":
      return `expected ${issue.message.replace(/^Invalid input:?\s*/i, "") || "one of the allowed forms"}, found ${found}`;
    default:
      return `${stripZodPrefix(issue.message)}, found ${found}`;
  }
}

function article(expected: string): string {
  const words: Record<string, string> = {
    number: "a number",
    string: "a string",
    boolean: "a boolean (true or false)",
    object: "a mapping",
    array: "a list",
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
