/**
 * `EmulationBackend` under the Backend contract suite (orchestrator/backend-contract.ts), on the
 * real lab: the default scenario's topology (three home routers, metro, core, NFVI, internet: six
 * OVS switches, relays for the delayed links) built in Mininet with our OpenFlow controller, one UE
 * at the first router, and two firewall containers (one at that router, one at the NFVI) that the
 * suite starts once and stops at the end. Time is wall time: the harness polls for answers (20 s
 * at most per wait) and accepts timers up to 0.25 s late, never early. Afterwards nothing of the
 * run is left and no lab failure was reported. Skips with the reason when the lab is missing,
 * unless GNF_REQUIRE_EMULATION=1. About 10 s.
 */
import { describe, expect, it } from "vitest";
import { describeBackendContract, type BackendHarness } from "../../orchestrator/backend-contract.ts";
import { SteeringDriver } from "../../openflow/steering/driver.ts";
import { labRequired } from "../lab/availability.ts";
import { leftovers } from "../lab/leftovers.ts";
import { Teardown } from "../lab/teardown.ts";
import { ChainSteering } from "../network/chain-steering.ts";
import { EmuNetwork } from "../network/emu-network.ts";
import { planNetwork } from "../network/plan.ts";
import { defaultTopology } from "../network/test-topology.ts";
import { emulationLabStatus } from "./availability.ts";
import { EmulationBackend } from "./emulation-backend.ts";

const status = await emulationLabStatus();
if (!status.ok && !labRequired()) console.warn(`skipping the emulation backend contract: ${status.reason}`);

/** Lab failures (`onFatal`, the steering driver's unawaited errors) during the suite. */
const fatal: Error[] = [];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `done` every 5 ms for at most `timeoutMs` (or until a lab failure). */
async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!done() && fatal.length === 0 && performance.now() < end) await sleep(5);
}

async function makeHarness(): Promise<BackendHarness> {
  if (!status.ok) throw new Error(`GNF_REQUIRE_EMULATION=1 but the emulation lab is missing: ${status.reason}`);
  const topology = defaultTopology();
  const cell = topology.nodes.find((n) => n.role === "edge")?.id as string;
  const nfvi = topology.nodes.find((n) => n.role === "nfvi")?.id as string;
  const plan = planNetwork(topology, { ueCells: new Map([["ue-0", cell]]), destinations: ["internet"], dpidBase: BigInt(process.pid & 0xffff) << 16n });
  const teardown = new Teardown();
  try {
    const buildMs: Record<string, number> = {};
    const net = await EmuNetwork.build(plan, topology, teardown, buildMs);
    console.log(`contract lab: ${plan.switches.length} switches up in ${Object.entries(buildMs).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", ")} ms`);
    const driver = new SteeringDriver(net.controller, (err) => fatal.push(err));
    teardown.add("steering driver", async () => driver.detach());
    const steering = new ChainSteering(net.paths, net.links, (node) => net.dpid(node), driver);
    const backend = new EmulationBackend({ net, steering, teardown, destinationOf: () => "server:internet", onFatal: (err) => fatal.push(err) });
    teardown.add("emulation backend timers", async () => backend.close());
    return {
      backend,
      hosts: [cell, nfvi],
      vnfType: "firewall",
      steering: (chain, version, hops) => ({ type: "install-steering", chain, version, ue: "ue-0", accessNode: cell, hops, selector: { eth_type: 0x0800 }, priority: 100 }),
      advance: (done) => waitUntil(done, 20_000),
      settle: () => sleep(300),
      lateToleranceS: 0.25,
      knowsHosts: true,
      installedVersion: (chain) => backend.installed.get(chain)?.version,
      deliverUnsolicited: (event) => backend.deliver(event),
      cleanup: () => teardown.teardown(),
    };
  } catch (err) {
    await teardown.teardown().catch(() => undefined);
    throw err;
  }
}

describe.runIf(status.ok || labRequired()).sequential("emulation backend on the lab", () => {
  describeBackendContract("EmulationBackend", makeHarness, { testTimeoutMs: 45_000, hookTimeoutMs: 90_000 });

  describe("after the contract suite", () => {
    it("reported no lab failure and left nothing behind", async () => {
      expect(fatal.map((e) => e.message)).toEqual([]);
      expect(await leftovers()).toEqual([]);
    });
  });
});
