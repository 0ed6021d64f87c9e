/**
 * SimBackend's own behaviour beyond the contract (backend-contract.ts covers that): its answers
 * take exactly as long as the world models say — the vNF lifecycle from `VnfHost`, steering and
 * state transfer from `ControlPlane` — and `installed`, `steeringChanged` and `hostOf` follow the
 * commands. World: the line topology (h1, h2 home routers; the NFVI i7 with the controller).
 */
import { describe, expect, it } from "vitest";
import { RngStreams } from "../../base/rng.ts";
import type { Command } from "../../orchestrator/commands.ts";
import type { ManagerEvent } from "../../orchestrator/events.ts";
import { VNF_CATALOG } from "../../deployment/vnfs/catalog.ts";
import type { VnfType } from "../../deployment/vnfs/types.ts";
import { loadDeviceCapacities } from "../../topologies/devices/index.ts";
import { hostCapacities } from "../../topologies/hosts.ts";
import { PathFinder } from "../../topologies/paths.ts";
import { Environment } from "../engine/environment.ts";
import { loadCalibration, type Calibration } from "../models/calibration/profile.ts";
import { calibrationSchema } from "../models/calibration/profile.ts";
import { LINE_TOPOLOGY } from "../models/traffic/test-topology.ts";
import { VnfHost } from "../models/vnf/host.ts";
import { ControlPlane, controlPlaneSchema } from "./control-plane.ts";
import { entriesPerSwitch, SimBackend, type InstalledSteering } from "./sim-backend.ts";

const capacities = hostCapacities(LINE_TOPOLOGY, loadDeviceCapacities());
const paths = new PathFinder(LINE_TOPOLOGY);
/** Every lifecycle step at its mean (cv 0): durations are exact. */
const FIXED: Calibration = calibrationSchema.parse({ ...loadCalibration(), create: { mean: 0.12, cv: 0 }, start: { mean: 0.08, cv: 0 }, stop: { mean: 0.05, cv: 0 }, remove: { mean: 0.03, cv: 0 } });

function world(calibration: Calibration = loadCalibration(), catalog: Readonly<Record<string, VnfType>> = VNF_CATALOG) {
  const env = new Environment();
  const rng = new RngStreams(3);
  const hosts = new Map([...capacities].map(([id, c]) => [id, new VnfHost(env, c, calibration, rng.stream(`vnf/${id}`))]));
  const control = new ControlPlane(paths, controlPlaneSchema.parse({}), "nfvi");
  const backend = new SimBackend({ env, hosts, catalog, control });
  const events: { time: number; event: ManagerEvent }[] = [];
  backend.onEvent((event) => events.push({ time: env.now, event }));
  const changes: InstalledSteering[] = [];
  backend.steeringChanged.subscribe((s) => changes.push(s));
  return { env, hosts, control, backend, events, changes };
}

const start = (vnfId: string, host: string, vnfType = "firewall"): Command => ({ type: "start-vnf", vnfId, vnfType, host, params: {}, ue: "ue-0", chain: "c1" });
const install = (version: number, hops: { vnfId: string; host: string }[], accessNode = "h1"): Command => ({ type: "install-steering", chain: "c1", version, ue: "ue-0", accessNode, hops, selector: { eth_type: 0x0800 }, priority: 100 });

describe("SimBackend", () => {
  it("start-vnf takes the host model's time: image pull + create + start at the host's per-core speed", () => {
    const w = world(FIXED);
    w.backend.execute(start("fw-1", "h1"));
    w.backend.execute(start("fw-2", "nfvi"));
    w.env.run();
    // Firewall image 12 MB at 100 Mbit/s = 0.96 s; create + start 0.2 s on a reference core.
    const archer = capacities.get("h1")?.perCoreSpeed as number;
    const i7 = capacities.get("nfvi")?.perCoreSpeed as number;
    expect(archer).toBeCloseTo(0.55 / 3.4, 12);
    expect(w.events).toEqual([
      { time: 0.96 + 0.12 / i7 + 0.08 / i7, event: { type: "vnf-started", vnfId: "fw-2", host: "nfvi" } },
      { time: 0.96 + 0.12 / archer + 0.08 / archer, event: { type: "vnf-started", vnfId: "fw-1", host: "h1" } },
    ]);
    expect(w.events[1]?.time).toBeCloseTo(0.96 + (0.2 * 3.4) / 0.55, 12);
  });

  it("start-vnf is answered when the host's start process ends (random draws included), with the host's failure reason when it fails", () => {
    const w = world();
    const hostStarted: number[] = [];
    w.hosts.get("h1")?.vnfStarted.subscribe((r) => hostStarted.push(r.time));
    w.backend.execute(start("fw-1", "h1"));
    // A twin host with the same random stream, driven directly.
    const env = new Environment();
    const twin = new VnfHost(env, capacities.get("h1") as NonNullable<ReturnType<typeof capacities.get>>, loadCalibration(), new RngStreams(3).stream("vnf/h1"));
    twin.start("fw-1", VNF_CATALOG.firewall);
    env.run();
    w.env.run();
    expect(w.events.map((e) => e.event.type)).toEqual(["vnf-started"]);
    expect(w.events[0]?.time).toBe(env.now);
    expect(w.events[0]?.time).toBe(hostStarted[0]);
    expect(env.now).not.toBeCloseTo(0.96 + (0.2 * 3.4) / 0.55, 6); // the draws are not the means

    const huge = world(FIXED, { ...VNF_CATALOG, huge: { ...VNF_CATALOG.firewall, name: "huge", idleMemoryBytes: 1e12 } });
    huge.backend.execute(start("big-1", "h1", "huge"));
    huge.env.run();
    expect(huge.events).toEqual([{ time: 0, event: { type: "vnf-failed", vnfId: "big-1", host: "h1", reason: expect.stringMatching(/^out of memory: needs 1000000000000 bytes, \d+ free on h1$/) } }]);
  });

  it("stop-vnf takes the host's stop + remove time and frees the vNF", () => {
    const w = world(FIXED);
    w.backend.execute(start("fw-1", "nfvi"));
    w.env.run();
    const started = w.env.now;
    w.backend.execute({ type: "stop-vnf", vnfId: "fw-1", host: "nfvi" });
    w.env.run();
    const i7 = capacities.get("nfvi")?.perCoreSpeed as number;
    expect(w.events[1]).toEqual({ time: started + 0.05 / i7 + 0.03 / i7, event: { type: "vnf-stopped", vnfId: "fw-1", host: "nfvi" } });
    expect(w.hosts.get("nfvi")?.has("fw-1")).toBe(false);
  });

  it("hostOf: the host from start-vnf until the vNF is removed; nothing after a failed start", () => {
    const w = world(FIXED);
    expect(w.backend.hostOf("fw-1")).toBeUndefined();
    w.backend.execute(start("fw-1", "h1"));
    expect(w.backend.hostOf("fw-1")).toBe("h1"); // starting
    w.env.run();
    expect(w.backend.hostOf("fw-1")).toBe("h1"); // running
    w.backend.execute({ type: "stop-vnf", vnfId: "fw-1", host: "h1" });
    w.env.step();
    w.env.step();
    expect(w.hosts.get("h1")?.has("fw-1")).toBe(true);
    expect(w.backend.hostOf("fw-1")).toBe("h1"); // stopping
    w.env.run();
    expect(w.events.at(-1)?.event.type).toBe("vnf-stopped");
    expect(w.backend.hostOf("fw-1")).toBeUndefined();
    w.backend.execute(start("x-1", "nowhere"));
    w.backend.execute(start("x-2", "h1", "no-such-type"));
    expect(w.backend.hostOf("x-1")).toBeUndefined();
    expect(w.backend.hostOf("x-2")).toBeUndefined();
    w.env.run();
    expect(w.events.slice(-2).map((e) => e.event)).toEqual([
      { type: "vnf-failed", vnfId: "x-1", host: "nowhere", reason: 'no vNF host "nowhere" in the topology' },
      { type: "vnf-failed", vnfId: "x-2", host: "h1", reason: 'unknown vNF type "no-such-type"' },
    ]);
  });

  it("install-steering is answered after the ControlPlane's FLOW_MOD + barrier time; installed and steeringChanged change only then", () => {
    const w = world(FIXED);
    const hops = [{ vnfId: "fw-1", host: "nfvi" }];
    w.backend.execute(install(1, hops));
    const cost = w.control.steeringSeconds(entriesPerSwitch("h1", hops));
    // 2 ms processing + the h1 round trip (2 × 4.5 ms) + one FLOW_MOD (20 µs).
    expect(cost).toBeCloseTo(0.01102, 15);
    expect(w.backend.installed.size).toBe(0);
    w.env.run({ until: cost });
    expect(w.backend.installed.size).toBe(0);
    expect(w.changes).toEqual([]);
    w.env.run();
    const steering: InstalledSteering = { chain: "c1", version: 1, ue: "ue-0", accessNode: "h1", hops, since: cost };
    expect(w.events).toEqual([{ time: cost, event: { type: "steering-installed", chain: "c1", version: 1 } }]);
    expect(w.backend.installed.get("c1")).toEqual(steering);
    expect(w.changes).toEqual([steering]);
  });

  it("a newer steering version replaces the older; a late older one is answered but changes nothing", () => {
    const w = world(FIXED);
    const v2hops = [{ vnfId: "fw-2", host: "nfvi" }];
    // v1 with two hops at h1 (5 entries there) takes longer than v2 via the NFVI (1 entry at h1).
    w.backend.execute(install(1, [{ vnfId: "fw-1", host: "h1" }, { vnfId: "ids-1", host: "h1" }]));
    w.backend.execute(install(2, v2hops));
    w.env.run();
    expect(w.events.map((e) => e.event)).toEqual([
      { type: "steering-installed", chain: "c1", version: 2 },
      { type: "steering-installed", chain: "c1", version: 1 },
    ]);
    // v2: 2 ms + the h1 round trip 9 ms + 1 entry × 20 µs; v1: 2 ms + 9 ms + 5 entries × 20 µs.
    expect(w.events[0]?.time).toBeCloseTo(0.002 + 0.009 + 20e-6, 15);
    expect(w.events[1]?.time).toBeCloseTo(0.002 + 0.009 + 100e-6, 15);
    expect(w.changes.map((c) => c.version)).toEqual([2]);
    expect(w.backend.installed.get("c1")).toMatchObject({ version: 2, hops: v2hops });
  });

  it("remove-steering takes the cost of the installed version's entries; steeringChanged reports version 0", () => {
    const w = world(FIXED);
    const hops = [{ vnfId: "fw-1", host: "nfvi" }];
    w.backend.execute(install(1, hops));
    w.env.run();
    const t0 = w.env.now;
    w.backend.execute({ type: "remove-steering", chain: "c1", version: 1 });
    w.env.run();
    expect(w.events[1]).toEqual({ time: t0 + w.control.steeringSeconds(entriesPerSwitch("h1", hops)), event: { type: "steering-removed", chain: "c1", version: 1 } });
    expect(w.backend.installed.has("c1")).toBe(false);
    expect(w.changes.at(-1)).toEqual({ chain: "c1", version: 0, ue: "ue-0", accessNode: "h1", hops: [], since: w.events[1]?.time });
    // A chain with nothing installed: the processing time only, no change reported.
    const t1 = w.env.now;
    w.backend.execute({ type: "remove-steering", chain: "never", version: 1 });
    w.env.run();
    expect(w.events[2]).toEqual({ time: t1 + 0.002, event: { type: "steering-removed", chain: "never", version: 1 } });
    expect(w.changes).toHaveLength(2);
  });

  it("transfer-state takes the ControlPlane's path delay + bytes over the bottleneck", () => {
    const w = world(FIXED);
    w.backend.execute({ type: "transfer-state", fromVnfId: "a", toVnfId: "b", fromHost: "h1", toHost: "nfvi", bytes: 64_000 });
    w.env.run();
    expect(w.events).toEqual([{ time: w.control.transferSeconds("h1", "nfvi", 64_000), event: { type: "state-transferred", fromVnfId: "a", toVnfId: "b", bytes: 64_000 } }]);
    expect(w.events[0]?.time).toBeCloseTo(0.0045 + 0.000512, 15);
  });

  it("entriesPerSwitch: one entry at the access switch, two per hop at the hop's switch (co-located hops add up)", () => {
    expect([...entriesPerSwitch("h1", [])]).toEqual([["h1", 1]]);
    expect([...entriesPerSwitch("h1", [{ host: "h1" }, { host: "nfvi" }, { host: "nfvi" }])]).toEqual([
      ["h1", 3],
      ["nfvi", 4],
    ]);
  });

  it("deliver(): an unsolicited event reaches the Manager at the current time, after the events already due now, and eventDelivered records it", () => {
    const w = world(FIXED);
    const traced: { time: number; type: string }[] = [];
    w.backend.eventDelivered.subscribe(({ time, event }) => traced.push({ time, type: event.type }));
    w.env.run({ until: 5 });
    w.backend.execute({ type: "set-timer", name: "t", at: 5 });
    w.backend.deliver({ type: "ue-connected", ue: "ue-0", device: "h1", rssiDbm: -40 });
    expect(w.events).toEqual([]); // never synchronously
    w.env.run();
    expect(w.events).toEqual([
      { time: 5, event: { type: "timer", name: "t" } },
      { time: 5, event: { type: "ue-connected", ue: "ue-0", device: "h1", rssiDbm: -40 } },
    ]);
    expect(traced).toEqual([
      { time: 5, type: "timer" },
      { time: 5, type: "ue-connected" },
    ]);
  });
});
