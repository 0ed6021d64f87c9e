/** Resolves the scenario a command runs: the file given, or the built-in default. */
import { fileURLToPath } from "node:url";
import { loadScenarioFile, type LoadedScenario } from "../scenarios/load.ts";

/** Path of the built-in default scenario (a small roaming edge scenario). */
export const DEFAULT_SCENARIO_PATH = fileURLToPath(new URL("../scenarios/default.yaml", import.meta.url));

/** Loads the scenario (a `ScenarioError` on any mistake) and prints its warnings on stderr. */
export function loadScenarioArg(file: string | undefined, overrides: readonly string[] = []): LoadedScenario {
  const loaded = loadScenarioFile(file ?? DEFAULT_SCENARIO_PATH, { overrides });
  for (const warning of loaded.warnings) process.stderr.write(`gnf: warning: ${warning}\n`);
  return file === undefined ? { ...loaded, file: "scenarios/default.yaml (built-in)" } : loaded;
}
