/**
 * Runs one replication of a scenario in the simulator: builds the environment and the models the
 * scenario configures, runs them for `duration` simulated seconds, and returns metrics and tables.
 * Deterministic: the same scenario and seed give identical output.
 */
import { UserError } from "../../cli/errors.ts";
import type { Scenario } from "../../scenarios/schema/scenario.ts";
import { Environment } from "../engine/environment.ts";
import { RngStreams } from "../engine/rng.ts";
import { ContainerBatchModel, ContainerBatchRecorder } from "../models/container-batch/index.ts";
import { EdgeWorld } from "../world/edge-world.ts";
import { vnfCatalog } from "../models/vnf/catalog.ts";
import type { Metric, RunHooks, RunOutput, Table } from "./types.ts";

/** Number of slices the run is cut into for progress reports. */
const PROGRESS_SLICES = 100;

interface AttachedModel {
  metrics(): Record<string, Metric>;
  tables(): Table[];
}

export function runScenario(scenario: Scenario, seed: number, hooks: RunHooks = {}): RunOutput {
  const env = new Environment();
  const rng = new RngStreams(seed);
  const models: AttachedModel[] = [];
  if (scenario.instantiation) {
    const model = new ContainerBatchModel(env, scenario.instantiation, rng, vnfCatalog(scenario.vnfs));
    models.push(new ContainerBatchRecorder(model, scenario.instantiation));
    model.start();
  }
  if (scenario.topology) {
    models.push(
      new EdgeWorld(env, { topology: scenario.topology, ues: scenario.ues, radio: scenario.radio, traffic: scenario.traffic, sampleInterval: scenario.outputs.sampleInterval }, rng),
    );
  }
  if (models.length === 0) {
    throw new UserError(`scenario "${scenario.name}" configures nothing to simulate (add a \`topology\` or an \`instantiation\` section)`);
  }
  for (let k = 1; k <= PROGRESS_SLICES; k++) {
    env.run({ until: (scenario.duration * k) / PROGRESS_SLICES });
    hooks.onProgress?.(env.now, env.eventsProcessed);
  }
  const metrics: Record<string, Metric> = {
    "sim.events": { value: env.eventsProcessed, unit: "count", description: "discrete events processed" },
  };
  for (const model of models) Object.assign(metrics, model.metrics());
  return { metrics, tables: models.flatMap((m) => m.tables()), events: env.eventsProcessed };
}
