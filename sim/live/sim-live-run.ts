/**
 * A simulated scenario as a `LiveRun` (orchestrator/live-run.ts) for `gnf serve`: the GNF world is
 * built once and advanced in steps (`advanceTo`), by a pacer outside `sim/` that maps wall time to
 * simulated time, or straight to the end. Operator events from the REST API enter the Manager
 * through the sim backend at the current simulated time, so a served run stays deterministic given
 * the same requests at the same simulated times.
 */
import { UserError } from "../../base/errors.ts";
import type { ManagerEvent } from "../../orchestrator/events.ts";
import type { LiveDevice, LiveMetric, LiveRun } from "../../orchestrator/live-run.ts";
import type { Manager } from "../../orchestrator/manager.ts";
import { buildRun, runMetrics, type BuiltRun, type SimRunConfig } from "../run/run-scenario.ts";
import type { GnfWorld } from "../world/gnf-world.ts";

export class SimLiveRun implements LiveRun {
  private constructor(
    readonly scenario: SimRunConfig & { seed: number },
    private readonly run: BuiltRun,
    private readonly world: GnfWorld,
  ) {}

  /** Builds the scenario's GNF world; a scenario without chains or topology is a UserError. */
  static async create(scenario: SimRunConfig & { seed: number }, seed = scenario.seed): Promise<SimLiveRun> {
    const run = await buildRun(scenario, seed);
    if (!run.world) throw new UserError(`scenario "${scenario.name}" has no GNF Manager to serve: it needs a \`topology\` and chains (\`chains\`, \`ueChains\` or \`mitigation\`)`);
    return new SimLiveRun(scenario, run, run.world);
  }

  get name(): string {
    return this.scenario.name;
  }

  get manager(): Manager {
    return this.world.manager;
  }

  /** Simulated seconds. */
  now(): number {
    return this.run.env.now;
  }

  /** True once the simulated time reached the scenario's duration. */
  get finished(): boolean {
    return this.run.env.now >= this.scenario.duration;
  }

  /** Runs the simulation up to `time` seconds (at most the scenario's duration). */
  advanceTo(time: number): void {
    const until = Math.min(time, this.scenario.duration);
    if (until > this.run.env.now) this.run.env.run({ until });
  }

  submit(event: ManagerEvent): void {
    this.world.backend.deliver(event);
    // Handle it now: process every event due at the current instant (run(until) would stop before them).
    const env = this.run.env;
    while (env.peek() <= env.now) env.step();
  }

  devices(): LiveDevice[] {
    const models = new Map(this.world.topology.nodes.map((n) => [n.id, n.device]));
    return this.manager.hosts().map((h) => {
      const report = this.manager.device(h.id)?.report;
      const device: LiveDevice = { id: h.id, kind: h.kind, cpuCapacity: h.cpuCapacity, memoryBytes: h.memoryBytes };
      const model = models.get(h.id);
      if (model !== undefined) device.model = model;
      if (report) Object.assign(device, { cpuUtilisation: report.cpuUtilisation, memoryUsedBytes: report.memoryUsedBytes, clients: report.clients });
      return device;
    });
  }

  metrics(): Record<string, LiveMetric> {
    return runMetrics(this.run);
  }
}
