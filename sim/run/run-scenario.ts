/**
 * Runs one replication of a scenario in the simulator: builds the environment and the models the
 * scenario configures, runs them for `duration` simulated seconds, and returns metrics and tables.
 * A scenario with a topology and chains (`chains`, `ueChains` or `mitigation`) runs the GNF
 * Manager on the sim backend (`GnfWorld`); a topology without chains runs the plain edge world.
 * Deterministic: the same scenario and seed give identical output.
 */
import { UserError } from "../../base/errors.ts";
import type { Scenario } from "../../scenarios/schema/scenario.ts";
import { createReplacementPolicy, policyTrigger } from "../../placement/dynamic/index.ts";
import { placerFromConfig } from "../../placement/registry.ts";
import { Environment } from "../engine/environment.ts";
import { RngStreams } from "../../base/rng.ts";
import { ContainerBatchModel, ContainerBatchRecorder } from "../models/container-batch/index.ts";
import { EdgeWorld } from "../world/edge-world.ts";
import { GnfWorld } from "../world/gnf-world.ts";
import { expandUeChains } from "../../deployment/ue-chains.ts";
import { vnfCatalog } from "../../deployment/vnfs/catalog.ts";
import type { Metric, RunHooks, RunOutput, Table } from "../../base/tables.ts";

/** Number of slices the run is cut into for progress reports. */
const PROGRESS_SLICES = 100;

export interface AttachedModel {
  metrics(): Record<string, Metric>;
  tables(): Table[];
}

/** True when the scenario asks for the GNF Manager (chains to place and steer). */
export function usesManager(scenario: Scenario): boolean {
  return scenario.topology !== undefined && (scenario.chains.length > 0 || scenario.ueChains.length > 0 || scenario.mitigation !== undefined);
}

/** A scenario's simulation, built and not yet run. */
export interface BuiltRun {
  env: Environment;
  models: AttachedModel[];
  /** The GNF world when the scenario uses the Manager. */
  world?: GnfWorld;
}

/** Builds the environment and models of one replication (nothing has run yet). */
export async function buildRun(scenario: Scenario, seed: number, wallClock?: () => number): Promise<BuiltRun> {
  const env = new Environment();
  const rng = new RngStreams(seed);
  const models: AttachedModel[] = [];
  const catalog = vnfCatalog(scenario.vnfs);
  if (scenario.instantiation) {
    const model = new ContainerBatchModel(env, scenario.instantiation, rng, catalog);
    models.push(new ContainerBatchRecorder(model, scenario.instantiation));
    model.start();
  }
  if (scenario.topology && usesManager(scenario)) {
    const placer = await placerFromConfig(scenario.placement, seed);
    const policy = scenario.placement.replacement.policy;
    const trigger = policy === "static" ? undefined : policyTrigger(createReplacementPolicy(scenario.placement.replacement));
    const chains = [...scenario.chains, ...expandUeChains(scenario.ueChains, scenario.ues.count)];
    const world = new GnfWorld(
      env,
      {
        topology: scenario.topology,
        ues: scenario.ues,
        radio: scenario.radio,
        traffic: scenario.traffic,
        sampleInterval: scenario.outputs.sampleInterval,
        chains,
        manager: scenario.manager,
        control: scenario.control,
        catalog,
        queueModel: scenario.latency.queueModel,
        latencyBounds: scenario.placement.latencyBounds,
        ...(scenario.mitigation ? { mitigation: scenario.mitigation } : {}),
      },
      rng,
      placer,
      trigger,
      wallClock,
    );
    models.push(world);
    return { env, models, world };
  } else if (scenario.topology) {
    models.push(
      new EdgeWorld(env, { topology: scenario.topology, ues: scenario.ues, radio: scenario.radio, traffic: scenario.traffic, sampleInterval: scenario.outputs.sampleInterval }, rng),
    );
  }
  if (models.length === 0) {
    throw new UserError(`scenario "${scenario.name}" configures nothing to simulate (add a \`topology\` or an \`instantiation\` section)`);
  }
  return { env, models };
}

/** Metrics of a built run at its current time. */
export function runMetrics(run: BuiltRun): Record<string, Metric> {
  const metrics: Record<string, Metric> = {
    "sim.events": { value: run.env.eventsProcessed, unit: "count", description: "discrete events processed" },
  };
  for (const model of run.models) Object.assign(metrics, model.metrics());
  return metrics;
}

export async function runScenario(scenario: Scenario, seed: number, hooks: RunHooks = {}): Promise<RunOutput> {
  const run = await buildRun(scenario, seed, hooks.wallClock);
  const { env, models } = run;
  for (let k = 1; k <= PROGRESS_SLICES; k++) {
    env.run({ until: (scenario.duration * k) / PROGRESS_SLICES });
    hooks.onProgress?.(env.now, env.eventsProcessed);
  }
  const out: RunOutput = { metrics: runMetrics(run), tables: models.flatMap((m) => m.tables()), events: env.eventsProcessed };
  if (hooks.wallClock && run.world) out.placementWallSeconds = run.world.placementWallSeconds;
  return out;
}
