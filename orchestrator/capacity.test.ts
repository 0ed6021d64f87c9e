import { describe, expect, it } from "vitest";
import { RandomStream } from "../base/rng.ts";
import type { ManagerEvent } from "./events.ts";
import { CATALOG, HOSTS, rig } from "./test-fixtures.ts";

const TYPES = Object.keys(CATALOG);
const DEVICES = ["edge-1", "edge-2"];
const SMALL_HOSTS = HOSTS.map((h) => (h.kind === "edge" ? { ...h, cpuCapacity: 1, memoryBytes: 12e6 } : { ...h, cpuCapacity: 3, memoryBytes: 30e6 }));

/** A seeded random run: 200 events over 400 s on small hosts, with 10% of starts failing. */
function randomRun(seed: number, migration: "make-before-break" | "break-before-make") {
  const rng = new RandomStream(`${seed}/orchestrator-test`);
  const failures = new RandomStream(`${seed}/start-failures`);
  const r = rig({ migration, replacementPeriod: 50 }, { startFailure: () => (failures.random() < 0.1 ? "random failure" : undefined) }, { hosts: SMALL_HOSTS });
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.random() * xs.length)] as T;
  let chains = 0;
  for (let i = 0; i < 200; i++) {
    const at = i * 2;
    const ue = `ue-${1 + Math.floor(rng.random() * 4)}`;
    const roll = rng.random();
    let event: ManagerEvent;
    if (roll < 0.2) event = { type: "ue-connected", ue, device: pick(DEVICES), rssiDbm: -50 };
    else if (roll < 0.4) event = { type: "ue-handover", ue, from: pick(DEVICES), to: pick(DEVICES), rssiDbm: -60, packets: 0 };
    else if (roll < 0.45) event = { type: "ue-disconnected", ue, device: pick(DEVICES), rssiDbm: -90, packets: 0 };
    else if (roll < 0.65) event = { type: "chain-requested", chain: { id: `c${++chains}`, ue, vnfs: [{ type: pick(TYPES), params: {} }, { type: pick(TYPES), params: {} }], match: {}, priority: 1 } };
    else if (roll < 0.75 && chains > 0) event = { type: "chain-removed", chain: `c${1 + Math.floor(rng.random() * chains)}` };
    else event = { type: "device-report", device: pick(DEVICES), cpuUtilisation: rng.random(), memoryUsedBytes: 0, memoryBytes: 12e6, clients: 1 };
    r.backend.inject(at, event);
  }
  const overReserved: string[] = [];
  r.backend.onEvent(() => {
    for (const h of SMALL_HOSTS) {
      const used = r.manager.reserved(h.id);
      if (used.cpu > h.cpuCapacity + 1e-9 || used.memoryBytes > h.memoryBytes) overReserved.push(`${r.backend.now()} ${h.id}`);
    }
  });
  r.backend.runUntil(420);
  for (let c = 1; c <= chains; c++) r.backend.inject(430, { type: "chain-removed", chain: `c${c}` });
  r.backend.runUntil(1000);
  return { r, overReserved, chains };
}

describe("capacity is never over-reserved (seeded random event sequences)", () => {
  for (const migration of ["make-before-break", "break-before-make"] as const) {
    for (const seed of [1, 2, 3]) {
      it(`${migration}, seed ${seed}: within capacity after every event, nothing left after removing every chain`, () => {
        const { r, overReserved } = randomRun(seed, migration);
        expect(overReserved).toEqual([]);
        expect(r.manager.migrations().length).toBeGreaterThan(0);
        expect(r.manager.migrations().filter((m) => m.outcome === "in-flight")).toEqual([]);
        for (const h of SMALL_HOSTS) expect(r.manager.reserved(h.id)).toEqual({ cpu: 0, memoryBytes: 0 });
        const live = r.manager.instances().filter((i) => i.state === "starting" || i.state === "running" || i.state === "stopping");
        expect(live).toEqual([]);
        expect(r.manager.chains().filter((c) => c.status !== "removed")).toEqual([]);
      });
    }
  }

  it("exercises rollbacks (seed 1 has target start failures during migrations)", () => {
    const outcomes = randomRun(1, "break-before-make").r.manager.migrations().map((m) => m.outcome);
    expect(new Set(outcomes)).toEqual(new Set(["completed", "rolled-back"]));
  });

  it("is deterministic: the same seed gives the same command trace", () => {
    expect(randomRun(7, "make-before-break").r.backend.trace()).toEqual(randomRun(7, "make-before-break").r.backend.trace());
  });
});
