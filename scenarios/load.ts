/**
 * Loads a scenario file: reads it, parses the YAML, applies `--set` overrides, validates it against
 * the schema and fills in defaults. Every mistake becomes a `ScenarioError` listing each problem as
 * `file:line:col: key.path: expected …, found …` — no stack trace, nothing run.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document, type Node } from "yaml";
import type { z } from "zod";
import { UserError } from "../base/errors.ts";
import { formatKeyPath } from "../base/config/describe-value.ts";
import { issueMessage } from "../base/config/issue-message.ts";
import { parseKeyPath } from "../base/config/key-path.ts";
import { scenarioSchema, type Scenario } from "./schema/scenario.ts";

/** A scenario file that failed to load; `problems` holds one line per mistake. */
export class ScenarioError extends UserError {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problems.length === 1 ? (problems[0] as string) : `${file}: ${problems.length} problems:\n  ${problems.join("\n  ")}`);
  }
}

export interface LoadedScenario {
  /** Path as given by the user (or "<built-in default>"). */
  file: string;
  /** sha256 of the file's bytes, hex. */
  sha256: string;
  /** Validated scenario, defaults filled in. */
  scenario: Scenario;
}

export interface LoadOptions {
  /** `key.path=value` overrides from `--set`; values are YAML scalars or flow collections. */
  overrides?: readonly string[];
}

/** Reads and validates the scenario file at `file`. */
export function loadScenarioFile(file: string, options: LoadOptions = {}): LoadedScenario {
  return loadScenarioText(readScenarioText(file), file, options);
}

function readScenarioText(file: string): string {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(file).isDirectory();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new ScenarioError(file, [`${file}: no such scenario file`]);
    if (code === "EACCES") throw new ScenarioError(file, [`${file}: permission denied reading the scenario file`]);
    throw new ScenarioError(file, [`${file}: cannot read the scenario file (${code ?? String(err)})`]);
  }
  if (isDirectory) throw new ScenarioError(file, [`${file}: is a directory, expected a scenario file (.yaml)`]);
  return readFileSync(file, "utf8");
}

/** Validates scenario YAML text; `file` names it in messages. */
export function loadScenarioText(text: string, file: string, options: LoadOptions = {}): LoadedScenario {
  const sha256 = createHash("sha256").update(text).digest("hex");
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      file,
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        const where = pos ? `${file}:${pos.line}:${pos.col}` : file;
        return `${where}: YAML syntax error: ${firstLine(e.message)}`;
      }),
    );
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    throw new ScenarioError(file, [`${file}: the scenario file is empty (expected a mapping of keys, e.g. "name: my-scenario")`]);
  }
  if (!isMap(doc.contents)) {
    const found = Array.isArray(doc.toJS()) ? "a list" : `${JSON.stringify(doc.toJS())}`;
    throw new ScenarioError(file, [`${file}:1:1: (top level): expected a mapping of scenario keys, found ${found}`]);
  }
  const overridden = applyOverrides(doc, options.overrides ?? [], file);
  const input: unknown = doc.toJS();
  const result = scenarioSchema.safeParse(input);
  if (!result.success) {
    throw new ScenarioError(
      file,
      splitUnknownKeys(result.error.issues).map((issue) => {
        const where = issueLocation(doc, lineCounter, issue, file, overridden);
        const keyPath = issue.code === "unrecognized_keys" ? [...issue.path, ...issue.keys] : issue.path;
        return `${where}: ${formatKeyPath(keyPath)}: ${issueMessage(issue, input, scenarioSchema)}`;
      }),
    );
  }
  return { file, sha256, scenario: result.data };
}

/** One issue per unknown key, so each gets its own line and position. */
function splitUnknownKeys(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue): z.core.$ZodIssue[] =>
    issue.code === "unrecognized_keys" ? issue.keys.map((key) => ({ ...issue, keys: [key] })) : [issue],
  );
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}

/** Applies `--set` overrides to the document; returns the overridden paths and their flags. */
function applyOverrides(doc: Document, overrides: readonly string[], file: string): Map<string, string> {
  const applied = new Map<string, string>();
  for (const override of overrides) {
    const eq = override.indexOf("=");
    if (eq <= 0) {
      throw new ScenarioError(file, [`--set ${override}: expected key.path=value (e.g. --set duration=60)`]);
    }
    const path = parseKeyPath(override.slice(0, eq), `--set ${override}`);
    const valueText = override.slice(eq + 1);
    const valueDoc = parseDocument(valueText);
    if (valueDoc.errors.length > 0) {
      throw new ScenarioError(file, [`--set ${override}: the value is not valid YAML (${firstLine(valueDoc.errors[0]?.message ?? "")})`]);
    }
    doc.setIn(path, doc.createNode(valueDoc.toJS()));
    applied.set(formatKeyPath(path), override);
  }
  return applied;
}

/** `file:line:col` of the key or value an issue is about, or `--set …` when an override caused it. */
function issueLocation(
  doc: Document,
  lineCounter: LineCounter,
  issue: z.core.$ZodIssue,
  file: string,
  overridden: Map<string, string>,
): string {
  const target = formatKeyPath(issue.code === "unrecognized_keys" ? [...issue.path, ...issue.keys] : issue.path);
  for (const [path, flag] of overridden) {
    if (target === path || target.startsWith(`${path}.`) || target.startsWith(`${path}[`) || path.startsWith(`${target}.`) || path.startsWith(`${target}[`)) return `--set ${flag}`;
  }
  const path = issue.path as (string | number)[];
  let offset: number | undefined;
  if (issue.code === "unrecognized_keys") {
    const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
    if (isMap(map)) {
      const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === issue.keys[0]);
      offset = (pair?.key as Node | undefined)?.range?.[0];
    }
  }
  for (let n = path.length; offset === undefined && n >= 0; n--) {
    const node = (n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)) as Node | null | undefined;
    if (node && node.range) offset = node.range[0];
  }
  if (offset === undefined) return file;
  const pos = lineCounter.linePos(offset);
  return `${file}:${pos.line}:${pos.col}`;
}
