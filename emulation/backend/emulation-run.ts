/**
 * One scenario run in the emulation: the same topology, Manager options, chains, mobility
 * timeline and placement as `gnf run`, executed on the lab for the scenario's `duration` in wall
 * time. Steps: check the lab; build the network (`EmuNetwork`); start the backend, the Manager loop,
 * the Agents (timeline + device reports), the chain schedule (and the DDoS mitigation automation
 * when configured) and the traffic probes; wait; stop the probes and Agents; collect tables and
 * metrics; tear everything down (also on failure: the `Teardown` undoes containers, probes, the
 * Mininet network with its relays, and the controller, by name and PID).
 *
 * @example const out = await runEmulation(scenario, scenario.seed, { log: console.error });
 */
import { runLoop } from "../../orchestrator/backend.ts";
import { chainsFromConfig } from "../../orchestrator/config.ts";
import { Manager } from "../../orchestrator/manager.ts";
import { selectorMatches, type PacketHeaders } from "../../orchestrator/selector.ts";
import type { ManagerEvent } from "../../orchestrator/events.ts";
import { createReplacementPolicy, policyTrigger } from "../../placement/dynamic/index.ts";
import { placerFromConfig } from "../../placement/registry.ts";
import type { Scenario } from "../../scenarios/schema/scenario.ts";
import { UserError } from "../../base/errors.ts";
import { RngStreams } from "../../base/rng.ts";
import { vnfCatalog } from "../../deployment/vnfs/catalog.ts";
import type { RunOutput } from "../../base/tables.ts";
import { managerOptions } from "../../deployment/manager-options.ts";
import { blockingChain } from "../../deployment/mitigation.ts";
import { expandUeChains } from "../../deployment/ue-chains.ts";
import { ueIdentity, ueIndexOf } from "../../deployment/ue-identity.ts";
import { buildTopology } from "../../topologies/config.ts";
import { hostCapacities } from "../../topologies/hosts.ts";
import { SteeringDriver } from "../../openflow/steering/driver.ts";
import { associationTimeline, firstCells } from "../agent/timeline.ts";
import { DeviceAgents } from "../agent/device-agents.ts";
import { Teardown } from "../lab/teardown.ts";
import { ChainSteering } from "../network/chain-steering.ts";
import { EmuNetwork } from "../network/emu-network.ts";
import { planNetwork } from "../network/plan.ts";
import { probeFlows, TrafficProbes } from "../network/probes.ts";
import { emulationLabStatus } from "./availability.ts";
import { EmulationBackend } from "./emulation-backend.ts";
import { EmulationRecorder } from "./recorder.ts";

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

export async function runEmulation(scenario: Scenario, seed: number, hooks: EmulationHooks = {}): Promise<EmulationOutput> {
  const log = hooks.log ?? (() => undefined);
  const status = await emulationLabStatus();
  if (!status.ok) throw new UserError(`the emulation lab is not ready: ${status.reason}`);
  if (!scenario.topology) throw new UserError(`scenario "${scenario.name}" has no topology to emulate`);
  const rng = new RngStreams(seed);
  const topology = buildTopology(scenario.topology, rng.stream("topology"));
  const durationS = scenario.duration;
  const timeline = associationTimeline(topology, scenario.ues, scenario.radio, seed, durationS);
  const destinations = [...new Set(scenario.traffic.map((f) => f.destination))];
  const plan = planNetwork(topology, { ueCells: firstCells(timeline), destinations, dpidBase: BigInt(process.pid & 0xffff) << 16n });
  const catalog = vnfCatalog(scenario.vnfs);
  const chains = [...scenario.chains, ...expandUeChains(scenario.ueChains, scenario.ues.count)];
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
    const backend = new EmulationBackend({ net, steering, teardown, destinationOf, onFatal });
    teardown.add("emulation backend timers", async () => backend.close());
    const placer = await placerFromConfig(scenario.placement, seed);
    const policy = scenario.placement.replacement.policy;
    const trigger = policy === "static" ? undefined : policyTrigger(createReplacementPolicy(scenario.placement.replacement));
    const manager = new Manager(managerOptions({ topology, paths: net.paths, catalog, traffic: scenario.traffic, latencyBounds: scenario.placement.latencyBounds, placer, config: scenario.manager, ...(trigger ? { replacementTrigger: trigger } : {}) }));
    const capacities = hostCapacities(topology);
    const agents = new DeviceAgents(backend, net, timeline, capacities, scenario.outputs.sampleInterval, onFatal);
    const monoZeroNs = process.hrtime.bigint() - BigInt(Math.round(backend.now() * 1e9));
    const recorder = new EmulationRecorder(manager, backend, agents, scenario.traffic, monoZeroNs, (ue) => agents.serving.get(ue));
    const loop = runLoop(manager, backend);
    teardown.add("Manager loop", async () => loop.stop());
    const timers: NodeJS.Timeout[] = [];
    teardown.add("schedule timers", async () => timers.forEach(clearTimeout));
    const at = (time: number, event: ManagerEvent): void => {
      timers.push(setTimeout(() => backend.deliver(event), Math.max(0, (time - backend.now()) * 1000)));
    };
    for (const s of chainsFromConfig(chains)) {
      at(s.at, { type: "chain-requested", chain: s.spec });
      if (s.until !== undefined) at(s.until, { type: "chain-removed", chain: s.spec.id });
    }
    const mitigation = scenario.mitigation;
    if (mitigation) {
      const requested = new Set(chains.map((c, i) => c.id ?? `chain-${i + 1}`));
      backend.eventDelivered.subscribe(({ event }) => {
        if (event.type !== "notification") return;
        const chain = blockingChain(mitigation, event, requested);
        if (!chain) return;
        requested.add(chain.id);
        at(backend.now() + mitigation.reactionS, { type: "chain-requested", chain });
      });
    }
    agents.start();
    teardown.add("Agents", () => agents.stop());
    const ues = [...plan.hosts.filter((h) => h.kind === "ue").map((h) => h.id)];
    const probes = await TrafficProbes.start(net, teardown, new Map(ues.map((ue) => [ue, probeFlows(scenario.traffic, (d) => net.host(serverOf(d)).ip, 50, backend.now())])));
    const sampler = setInterval(() => recorder.sample(backend.now(), probes.readNew()), scenario.outputs.sampleInterval * 1000);
    teardown.add("sampler", async () => clearInterval(sampler));
    log(`running ${scenario.name} for ${durationS} s (wall time)…`);
    const ran = new Promise<void>((resolve) => {
      wake = resolve;
      timers.push(setTimeout(resolve, Math.max(0, (durationS - backend.now()) * 1000)));
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
    const output: EmulationOutput = { metrics: recorder.metrics(end, probeTable), tables: recorder.tables(end, probeTable), events: loop.eventsHandled, buildMs };
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
