/**
 * The one YAML config loader (scenarios, the device catalog, calibration profiles): reads the
 * file, parses the YAML, applies `--set key.path=value` overrides, validates against a zod schema
 * and fills in defaults. Every mistake becomes a `ConfigError` listing each problem as
 * `file:line:col: key.path: expected …, found …` (or `--set …` when an override caused it) — no
 * stack trace, nothing run.
 *
 * @example const { data } = loadYamlConfig(catalogSchema, "devices.yaml", { what: "device catalog" });
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document, type Node } from "yaml";
import type { z } from "zod";
import { UserError } from "../errors.ts";
import { formatKeyPath } from "./describe-value.ts";
import { issueMessage } from "./issue-message.ts";
import { flattenUnions } from "./flatten-unions.ts";
import { parseKeyPath } from "./key-path.ts";

/** A config file that failed to load; `problems` holds one line per mistake. */
export class ConfigError extends UserError {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problems.length === 1 ? (problems[0] as string) : `${file}: ${problems.length} problems:\n  ${problems.join("\n  ")}`);
  }
}

export interface YamlConfigOptions<T = unknown> {
  /** What the file is, for messages: "scenario", "device catalog", "calibration profile". */
  what: string;
  /** `key.path=value` overrides from `--set`; values are YAML scalars or flow collections. */
  overrides?: readonly string[] | undefined;
  /** A first line the file could start with, for the empty-file message (e.g. "name: my-scenario"). */
  example?: string;
  /**
   * Checks the schema cannot make on its own (names pointing at other names, times within the
   * run), run on the validated data; each problem is located and formatted like a schema issue.
   */
  check?: (data: T) => readonly ConfigProblem[];
}

/** A problem found after validation: the key path it is about and the sentence a user reads. */
export interface ConfigProblem {
  path: readonly (string | number)[];
  message: string;
  /**
   * Key paths (as `formatKeyPath` writes them, e.g. "duration") that, when a `--set` override
   * changed them, make this problem a warning: the user changed that key on purpose (a run cut
   * short with `--set duration=30` drops the chain requested at 60 s, it is not a typo).
   */
  warnWhenSet?: readonly string[];
}

export interface LoadedYaml<T> {
  /** Validated data, defaults filled in. */
  data: T;
  /** sha256 of the file's bytes, hex. */
  sha256: string;
  /** Problems downgraded to warnings (see `ConfigProblem.warnWhenSet`), one line each, located. */
  warnings: string[];
}

/** Reads and validates the YAML file at `file` against `schema`. */
export function loadYamlConfig<S extends z.ZodType>(schema: S, file: string, options: YamlConfigOptions<z.output<S>>): LoadedYaml<z.output<S>> {
  return parseYamlConfig(schema, readConfigText(file, options.what), file, options);
}

function readConfigText(file: string, what: string): string {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(file).isDirectory();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new ConfigError(file, [`${file}: no such ${what} file`]);
    if (code === "EACCES") throw new ConfigError(file, [`${file}: permission denied reading the ${what} file`]);
    throw new ConfigError(file, [`${file}: cannot read the ${what} file (${code ?? String(err)})`]);
  }
  if (isDirectory) throw new ConfigError(file, [`${file}: is a directory, expected a ${what} file (.yaml)`]);
  return readFileSync(file, "utf8");
}

/** Validates YAML `text` against `schema`; `file` names it in messages. */
export function parseYamlConfig<S extends z.ZodType>(schema: S, text: string, file: string, options: YamlConfigOptions<z.output<S>>): LoadedYaml<z.output<S>> {
  const sha256 = createHash("sha256").update(text).digest("hex");
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        const where = pos ? `${file}:${pos.line}:${pos.col}` : file;
        return `${where}: YAML syntax error: ${firstLine(e.message)}`;
      }),
    );
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    throw new ConfigError(file, [`${file}: the ${options.what} file is empty (expected a mapping of keys${options.example ? `, e.g. "${options.example}"` : ""})`]);
  }
  if (!isMap(doc.contents)) {
    const found = Array.isArray(doc.toJS()) ? "a list" : `${JSON.stringify(doc.toJS())}`;
    throw new ConfigError(file, [`${file}:1:1: (top level): expected a mapping of ${options.what} keys, found ${found}`]);
  }
  const overridden = applyOverrides(doc, options.overrides ?? [], file);
  const input: unknown = doc.toJS();
  const result = schema.safeParse(input);
  if (!result.success) {
    const lines = splitUnknownKeys(flattenUnions(result.error.issues)).map((issue) => {
      const where = issueLocation(doc, lineCounter, issue, file, overridden);
      const keyPath = issue.code === "unrecognized_keys" ? [...issue.path, ...issue.keys] : issue.path;
      return `${where}: ${formatKeyPath(keyPath)}: ${issueMessage(issue, input, schema)}`;
    });
    throw new ConfigError(file, [...new Set(lines)]);
  }
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const p of options.check?.(result.data as z.output<S>) ?? []) {
    const where = issueLocation(doc, lineCounter, { code: "custom", path: [...p.path], message: p.message, input: undefined }, file, overridden);
    const setBy = p.warnWhenSet?.map((key) => overridden.get(key)).find((flag) => flag !== undefined);
    if (setBy === undefined) errors.push(`${where}: ${formatKeyPath(p.path)}: ${p.message}`);
    else warnings.push(`${where}: ${formatKeyPath(p.path)}: ${p.message} (a warning only: set on purpose by --set ${setBy})`);
  }
  if (errors.length > 0) throw new ConfigError(file, [...new Set(errors)]);
  return { data: result.data, sha256, warnings: [...new Set(warnings)] };
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
      throw new ConfigError(file, [`--set ${override}: expected key.path=value (e.g. --set duration=60)`]);
    }
    const path = parseKeyPath(override.slice(0, eq), `--set ${override}`);
    const valueText = override.slice(eq + 1);
    const valueDoc = parseDocument(valueText);
    if (valueDoc.errors.length > 0) {
      throw new ConfigError(file, [`--set ${override}: the value is not valid YAML (${firstLine(valueDoc.errors[0]?.message ?? "")})`]);
    }
    doc.setIn(path, doc.createNode(valueDoc.toJS()));
    applied.set(formatKeyPath(path), override);
  }
  return applied;
}

/** `file:line:col` of the key or value an issue is about, or `--set …` when an override caused it. */
function issueLocation(doc: Document, lineCounter: LineCounter, issue: z.core.$ZodIssue, file: string, overridden: Map<string, string>): string {
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
