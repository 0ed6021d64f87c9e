/**
 * One scenario run in the emulation: the same topology, Manager, chains, mobility timeline and
 * placement as `gnf run` (the deployment layer builds and records the GNF system identically in
 * both worlds), executed on the lab for the scenario's `duration` in wall time. Steps: check the
 * lab; build the network (`EmuNetwork`); start the backend, the Manager loop, the Agents (the
 * association timeline + device reports), the chain schedule (and the DDoS mitigation automation
 * when configured) and the traffic probes; wait; stop the probes and Agents; collect tables and
 * metrics; tear everything down (also on failure: the `Teardown` undoes containers, probes, the
 * Mininet network with its relays, and the controller, by name and PID).
 *
 * The UEs' movements arrive as data (`EmulationScript`): the layer above computes them with the
 * simulator's mobility and radio models (`scenarios/worlds/emulate.ts`), so both worlds see the
 * same handovers at the same times.
 *
 * @example const out = await runEmulation(scenario, scenario.seed, script, { log: console.error });
 */
import { runLoop } from "../../orchestrator/backend.ts";
import type { Manager } from "../../orchestrator/manager.ts";
import { selectorMatches, type PacketHeaders } from "../../orchestrator/selector.ts";
import type { ManagerEvent } from "../../orchestrator/events.ts";
import { UserError } from "../../base/errors.ts";
import type { RunOutput, Table } from "../../base/tables.ts";
import { columnNames } from "../../base/results/data-dictionary.ts";
import { firstCells, type ClientEvent } from "../../deployment/agent-reports.ts";
import { configuredChains, scheduleChains } from "../../deployment/chain-schedule.ts";
import type { DeploymentConfig } from "../../deployment/config.ts";
import { buildManager } from "../../deployment/gnf-manager.ts";
import { ManagerRecorder } from "../../deployment/manager-recorder.ts";
import { MitigationAutomation } from "../../deployment/mitigation-automation.ts";
import { round6 } from "../../deployment/rounding.ts";
import { ueIdentity, ueIndexOf } from "../../deployment/ue-identity.ts";
import { vnfCatalog } from "../../deployment/vnfs/catalog.ts";
import type { DeviceCapacity } from "../../topologies/devices/capacity.ts";
import { hostCapacities } from "../../topologies/hosts.ts";
import type { Topology } from "../../topologies/types.ts";
import { SteeringDriver } from "../../openflow/steering/driver.ts";
import { DeviceAgents } from "../agent/device-agents.ts";
import { Teardown } from "../lab/teardown.ts";
import { ChainSteering } from "../network/chain-steering.ts";
import { EmuNetwork } from "../network/emu-network.ts";
import { planNetwork } from "../network/plan.ts";
import { probeFlows, TrafficProbes } from "../network/probes.ts";
import { emulationLabStatus } from "./availability.ts";
import { EmulationBackend } from "./emulation-backend.ts";
import { DEVICE_LIMITS_TABLE } from "./emulation-outputs.ts";
import { EmulationRecorder } from "./recorder.ts";
import { WallClock } from "./wall-clock.ts";
import { measureCoreSpeed } from "../vnf/core-speed.ts";
import { HostLimits, type DeviceLimitMode, type HostLimitRow } from "../vnf/host-limits.ts";

/** What the lab runs besides the deployment's config: the network and the UEs' movements. */
export interface EmulationScript {
  /** The scenario's topology, built from its config and seed. */
  topology: Topology;
  /** Every device model's capacity (the device catalog, loaded once per run). */
  devices: ReadonlyMap<string, DeviceCapacity>;
  /** The Agents' client events in time order (seconds from the start). */
  timeline: readonly ClientEvent[];
  /** Each host under its catalog device's limits scaled to this machine ("table-i", the default), or every host as this machine ("lab"). */
  deviceLimits?: DeviceLimitMode;
}

export interface EmulationHooks {
  /** Progress lines (build timings, what happens), for stderr. */
  log?(line: string): void;
  /** Called with the live parts once everything runs (tests probe the network with it). */
  onRunning?(run: LiveEmulation): Promise<void> | void;
}

/** The running pieces, for tests and tools. */
export interface LiveEmulation {
  net: EmuNetwork;
  backend: EmulationBackend;
  manager: Manager;
  agents: DeviceAgents;
}

export interface EmulationOutput extends RunOutput {
  /** Network build phases, ms. */
  buildMs: Record<string, number>;
}

export async function runEmulation(scenario: DeploymentConfig, seed: number, script: EmulationScript, hooks: EmulationHooks = {}): Promise<EmulationOutput> {
  const log = hooks.log ?? (() => undefined);
  const status = await emulationLabStatus();
  if (!status.ok) throw new UserError(`the emulation lab is not ready: ${status.reason}`);
  const { topology, timeline } = script;
  const durationS = scenario.duration;
  const destinations = [...new Set(scenario.traffic.map((f) => f.destination))];
  const plan = planNetwork(topology, { ueCells: firstCells(timeline), destinations, dpidBase: BigInt(process.pid & 0xffff) << 16n });
  const catalog = vnfCatalog(scenario.vnfs);
  const teardown = new Teardown();
  let fatal: Error | undefined;
  let wake: () => void = () => undefined;
  const onFatal = (err: Error): void => {
    fatal ??= err;
    wake();
  };
  try {
    const buildMs: Record<string, number> = {};
    log(`building ${plan.switches.length} switches, ${plan.links.length} links (${plan.links.filter((l) => l.delayMs !== undefined).length} delayed), ${plan.hosts.length} hosts in Mininet…`);
    const net = await EmuNetwork.build(plan, topology, teardown, buildMs);
    log(`network up: ${Object.entries(buildMs).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", ")} ms`);
    const driver = new SteeringDriver(net.controller, onFatal);
    teardown.add("steering driver", async () => driver.detach());
    const steering = new ChainSteering(net.paths, net.links, (n) => net.dpid(n), driver);
    const serverOf = (node: string): string => `server:${node}`;
    const destinationOf = (chain: string, ue: string): string => {
      const spec = manager.chain(chain)?.spec;
      const id = ueIdentity(ueIndexOf(ue) ?? 0);
      const flow = scenario.traffic.find((f) => spec === undefined || selectorMatches(spec.match, { eth_type: 0x0800, eth_src: id.mac, ipv4_src: id.ipv4, ...(f.headers as PacketHeaders) }));
      return serverOf(flow?.destination ?? destinations[0] ?? "internet");
    };
    const limits = hostLimits(topology, script, teardown, log);
    const backend = new EmulationBackend({ net, steering, teardown, destinationOf, onFatal, limitsOf: (host) => limits.limitsOf(host) });
    teardown.add("emulation backend timers", async () => backend.close());
    const capacities = hostCapacities(topology, script.devices);
    const { manager, placer } = await buildManager(scenario, seed, { topology, paths: net.paths, capacities, catalog });
    const agents = new DeviceAgents(backend, net, timeline, capacities, scenario.outputs.sampleInterval, onFatal);
    const monoZeroNs = process.hrtime.bigint() - BigInt(Math.round(backend.now() * 1e9));
    const clock = new WallClock(() => backend.now());
    teardown.add("schedule timers", async () => clock.clear());
    const deliver = (event: ManagerEvent): void => backend.deliver(event);
    const mitigation = scenario.mitigation ? new MitigationAutomation(scenario.mitigation, scenario.traffic, clock, deliver) : undefined;
    const managerRecorder = new ManagerRecorder({ manager, backend, placer, latencyBounds: scenario.placement.latencyBounds, mitigation, recordsCore: false, time: round6 });
    const recorder = new EmulationRecorder(managerRecorder, manager, backend, agents, scenario.traffic, monoZeroNs, (ue) => agents.serving.get(ue));
    if (mitigation) backend.eventDelivered.subscribe(({ time, event }) => mitigation.observe(time, event));
    const loop = runLoop(manager, backend);
    teardown.add("Manager loop", async () => loop.stop());
    scheduleChains(configuredChains(scenario), clock, deliver);
    agents.start();
    teardown.add("Agents", () => agents.stop());
    const ues = [...plan.hosts.filter((h) => h.kind === "ue").map((h) => h.id)];
    const probes = await TrafficProbes.start(net, teardown, new Map(ues.map((ue) => [ue, probeFlows(scenario.traffic, (d) => net.host(serverOf(d)).ip, 50, backend.now())])));
    const sampler = setInterval(() => recorder.sample(backend.now(), probes.readNew()), scenario.outputs.sampleInterval * 1000);
    teardown.add("sampler", async () => clearInterval(sampler));
    log(`running ${scenario.name} for ${durationS} s (wall time)…`);
    const ran = new Promise<void>((resolve) => {
      wake = resolve;
      clock.at(durationS, resolve);
    });
    const running = Promise.resolve()
      .then(() => hooks.onRunning?.({ net, backend, manager, agents }))
      .catch((err: unknown) => onFatal(err as Error));
    await ran;
    if (!fatal) await running;
    if (fatal) throw fatal;
    const end = backend.now();
    clearInterval(sampler);
    await agents.stop();
    await probes.stop();
    recorder.sample(end, probes.readNew());
    backend.close();
    loop.stop();
    const probeTable = recorder.probeTable(probes.sent());
    const tables = [...recorder.tables(end, probeTable), deviceLimitsTable(await limits.rows())];
    const output: EmulationOutput = { metrics: recorder.metrics(end, probeTable), tables, events: loop.eventsHandled, buildMs };
    return output;
  } finally {
    const t0 = performance.now();
    await teardown.teardown().then(
      () => log(`torn down in ${(performance.now() - t0).toFixed(0)} ms`),
      (err: Error) => {
        log(`teardown: ${err.message}`);
        if (!fatal) throw err;
      },
    );
  }
}

/** The hosts' limits: Table I scaled by this machine's measured core speed (~1.2 s), unless every host runs as the lab. */
function hostLimits(topology: Topology, script: EmulationScript, teardown: Teardown, log: (line: string) => void): HostLimits {
  const mode = script.deviceLimits ?? "table-i";
  const labCoreSpeed = mode === "lab" ? 1 : measureCoreSpeed().labCoreSpeed;
  const limits = new HostLimits({ topology, devices: script.devices, labCoreSpeed, mode, teardown });
  log(mode === "lab" ? "devices: every host as this machine (no Table I limits)" : `devices: Table I limits, one core here = ${labCoreSpeed.toFixed(3)} reference cores`);
  return limits;
}

/** `device_limits`: per limited host, its device, CPU quota (cores here), memory limit (bytes) and the memory pressure seen. */
function deviceLimitsTable(rows: readonly HostLimitRow[]): Table {
  return {
    name: DEVICE_LIMITS_TABLE.name,
    columns: columnNames(DEVICE_LIMITS_TABLE),
    rows: rows.map((r) => [r.host, r.device, r.cores, round6(r.perCoreSpeed), round6(r.labCoreSpeed), r.cpuQuotaCores === null ? null : round6(r.cpuQuotaCores), r.cpuBinding, r.memoryLimitBytes, r.memoryFailcnt, r.oomKills]),
  };
}
