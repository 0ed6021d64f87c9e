/**
 * Runs one replication of a scenario in the simulator: builds the environment and the models the
 * scenario configures, runs them for `duration` simulated seconds, and returns metrics and tables.
 * A scenario with a topology and chains (`chains`, `ueChains` or `mitigation`) runs the GNF
 * Manager on the sim backend (`GnfWorld`); a topology without chains runs the plain edge world.
 * Deterministic: the same scenario and seed give identical output.
 */
import { UserError } from "../../base/errors.ts";
import { Environment } from "../engine/environment.ts";
import { RngStreams } from "../../base/rng.ts";
import { ContainerBatchModel, ContainerBatchRecorder } from "../models/container-batch/index.ts";
import { EdgeWorld } from "../world/edge-world.ts";
import { GnfWorld, type GnfWorldConfig } from "../world/gnf-world.ts";
import type { DeploymentConfig } from "../../deployment/config.ts";
import { catalogCapacities, loadDeviceCatalog } from "../../topologies/devices/index.ts";
import type { InstantiationConfig } from "../models/container-batch/config.ts";
import { DEFAULT_CALIBRATION_PATH, loadCalibration, type Calibration } from "../models/calibration/profile.ts";
import type { DeviceCapacity } from "../../topologies/devices/capacity.ts";
import { vnfCatalog } from "../../deployment/vnfs/catalog.ts";
import type { Metric, RunHooks, RunOutput, RunStreams, Table } from "../../base/tables.ts";
import { defineMetrics, metricOf } from "../../base/results/data-dictionary.ts";

/** The metric every simulation run reports, before its models' own. */
export const SIM_RUN_METRICS = defineMetrics({
  "sim.events": ["count", "discrete events processed"],
});

/** Number of slices the run is cut into for progress reports. */
const PROGRESS_SLICES = 100;

export interface AttachedModel {
  metrics(): Record<string, Metric>;
  tables(): Table[];
}

/**
 * What the simulator reads of a scenario: the deployment's keys and the simulator's own world
 * models. The scenario schema (`scenarios/schema/`) composes them; `Scenario` satisfies this type.
 */
export interface SimRunConfig extends Omit<GnfWorldConfig, "topology"> {
  topology?: DeploymentConfig["topology"];
  instantiation?: InstantiationConfig | undefined;
  /** Calibration profile file (absolute, or relative to the working directory); default: the built-in profile. */
  calibration?: string | undefined;
  /** A profile already loaded (the calibration's own runs); takes precedence over `calibration`. */
  calibrationProfile?: Calibration | undefined;
  /** Device capacities by catalog key in place of the device catalog (e.g. every device as the lab machine). */
  devices?: ReadonlyMap<string, DeviceCapacity> | undefined;
}

/** True when the scenario asks for the GNF Manager (chains to place and steer). */
export function usesManager(scenario: SimRunConfig): boolean {
  return scenario.topology !== undefined && (scenario.chains.length > 0 || scenario.ueChains.length > 0 || scenario.mitigation !== undefined);
}

/** A scenario's simulation, built and not yet run. */
export interface BuiltRun {
  env: Environment;
  models: AttachedModel[];
  /** The GNF world when the scenario uses the Manager. */
  world?: GnfWorld;
}

/**
 * Builds the environment and models of one replication (nothing has run yet). With `streams`,
 * the worlds' per-observation tables and latency samples go to disk as they are produced.
 */
export async function buildRun(scenario: SimRunConfig, seed: number, wallClock?: () => number, streams?: RunStreams): Promise<BuiltRun> {
  const env = new Environment();
  const rng = new RngStreams(seed);
  const models: AttachedModel[] = [];
  const catalog = vnfCatalog(scenario.vnfs);
  const devices = scenario.devices ?? catalogCapacities(loadDeviceCatalog());
  const calibration = scenario.calibrationProfile ?? loadCalibration(scenario.calibration ?? DEFAULT_CALIBRATION_PATH);
  if (scenario.instantiation) {
    const model = new ContainerBatchModel(env, scenario.instantiation, rng, devices, catalog, scenario.instantiation.calibration === undefined ? calibration : loadCalibration(scenario.instantiation.calibration));
    models.push(new ContainerBatchRecorder(model, scenario.instantiation));
    model.start();
  }
  if (scenario.topology && usesManager(scenario)) {
    const world = await GnfWorld.create(env, { ...scenario, topology: scenario.topology }, { devices, catalog, calibration, seed, rng, ...(wallClock ? { wallClock } : {}), ...(streams ? { streams } : {}) });
    models.push(world);
    return { env, models, world };
  } else if (scenario.topology) {
    models.push(
      new EdgeWorld(env, { topology: scenario.topology, ues: scenario.ues, radio: scenario.radio, traffic: scenario.traffic, sampleInterval: scenario.outputs.sampleInterval }, rng, [...devices.keys()], streams),
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
    "sim.events": metricOf(SIM_RUN_METRICS["sim.events"], run.env.eventsProcessed),
  };
  for (const model of run.models) Object.assign(metrics, model.metrics());
  return metrics;
}

export async function runScenario(scenario: SimRunConfig, seed: number, hooks: RunHooks = {}): Promise<RunOutput> {
  const run = await buildRun(scenario, seed, hooks.wallClock, hooks.streams);
  const { env, models } = run;
  for (let k = 1; k <= PROGRESS_SLICES; k++) {
    env.run({ until: (scenario.duration * k) / PROGRESS_SLICES });
    hooks.onProgress?.(env.now, env.eventsProcessed);
    if (hooks.pause) await hooks.pause();
  }
  const out: RunOutput = { metrics: runMetrics(run), tables: models.flatMap((m) => m.tables()), events: env.eventsProcessed };
  if (hooks.wallClock && run.world) out.placementWallSeconds = run.world.placementWallSeconds;
  return out;
}
