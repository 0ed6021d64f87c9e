/**
 * Loads a scenario file with the one YAML config loader (`base/config/load-yaml.ts`): reads it,
 * parses the YAML, applies `--set` overrides, validates it against the scenario schema and fills in
 * defaults, then checks what the schema cannot (`checks/`: names that point at other names, times
 * within the run). Every mistake becomes a `ScenarioError` listing each problem as
 * `file:line:col: key.path: expected …, found …` — no stack trace, nothing run.
 */
import { ConfigError, loadYamlConfig, parseYamlConfig } from "../base/config/load-yaml.ts";
import { resolveCalibrationPath } from "../sim/models/calibration/config.ts";
import { scenarioSchema, type Scenario } from "./schema/scenario.ts";
import { scenarioProblems } from "./checks/index.ts";

/** A scenario file that failed to load; `problems` holds one line per mistake. */
export class ScenarioError extends ConfigError {}

export interface LoadedScenario {
  /** Path as given by the user (or "<built-in default>"). */
  file: string;
  /** sha256 of the file's bytes, hex. */
  sha256: string;
  /** Validated scenario, defaults filled in. */
  scenario: Scenario;
  /** Located lines about keys a `--set` made moot (e.g. a chain after a shortened run's end); the CLI prints them. */
  warnings: string[];
}

export interface LoadOptions {
  /** `key.path=value` overrides from `--set`; values are YAML scalars or flow collections. */
  overrides?: readonly string[];
}

/** Reads and validates the scenario file at `file`. */
export function loadScenarioFile(file: string, options: LoadOptions = {}): LoadedScenario {
  return asScenario(file, () => loadYamlConfig(scenarioSchema, file, yamlOptions(file, options)));
}

/** Validates scenario YAML text; `file` names it in messages. */
export function loadScenarioText(text: string, file: string, options: LoadOptions = {}): LoadedScenario {
  return asScenario(file, () => parseYamlConfig(scenarioSchema, text, file, yamlOptions(file, options)));
}

function yamlOptions(file: string, options: LoadOptions) {
  return { what: "scenario", overrides: options.overrides, example: "name: my-scenario", check: (data: Scenario) => scenarioProblems(data, file) };
}

function asScenario(file: string, load: () => { data: Scenario; sha256: string; warnings: string[] }): LoadedScenario {
  try {
    const { data, sha256, warnings } = load();
    const scenario = data.calibration === undefined ? data : { ...data, calibration: resolveCalibrationPath(data.calibration, file) };
    return { file, sha256, scenario, warnings };
  } catch (err) {
    if (err instanceof ConfigError && !(err instanceof ScenarioError)) throw new ScenarioError(err.file, err.problems);
    throw err;
  }
}
