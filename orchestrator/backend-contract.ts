/**
 * The Backend contract (`backend.ts`) as one reusable vitest suite. `describeBackendContract(name,
 * makeHarness)` checks every obligation written in backend.ts's doc comment against one
 * implementation; the sim backend, the emulation backend and `FakeBackend` each run it from their
 * own test file with a harness that knows how to make that backend's time pass.
 *
 * Obligations checked (one `it` each, in this order):
 *  1. `now()` is a finite clock in seconds that never decreases (sampled before and after every
 *     `execute`, at every delivered event and after every wait).
 *  2. start-vnf on a valid host and type → exactly one vnf-started (same vnfId and host).
 *  3. start-vnf on an unknown host → exactly one vnf-failed (same vnfId and host), never a throw
 *     (a backend that models no hosts, `knowsHosts: false`, may answer vnf-started).
 *  4. start-vnf of an unknown vNF type → likewise.
 *  5. stop-vnf of a vNF the backend does not run → exactly one vnf-failed (same vnfId), never a
 *     throw (`knowsHosts: false`: vnf-stopped is accepted).
 *  6. transfer-state between two running vNFs → exactly one state-transferred (same fromVnfId and
 *     toVnfId; bytes a finite number ≥ 0).
 *  7. transfer-state to a vNF that does not run → exactly one answer: state-transferred (same ids)
 *     or vnf-failed for toVnfId.
 *  8. install-steering → exactly one steering-installed (same chain and version), and the version
 *     is in force when the answer arrives (after the barrier), where the harness can tell.
 *  9. install-steering of an older version after a newer one → each answered with its own
 *     version; the newer stays in force.
 * 10. remove-steering → exactly one steering-removed (same chain and version), nothing of the
 *     chain in force afterwards; also for a chain that was never installed.
 * 11. set-timer in the future → exactly one timer (same name) at `at`.
 * 12. set-timer in the past → exactly one timer at the time of the command: max(at, now).
 * 13. Events are delivered in the order they happen; equal times in the order they were produced.
 * 14. Every command of a mixed batch gets exactly one answer, never before it was issued
 *     (answers may come synchronously within `execute`).
 * 15. Unsolicited events may arrive at any time: one delivered while commands are in flight
 *     reaches the subscriber once and disturbs no answer.
 * 16. `onEvent` returns a working unsubscribe: the listener gets nothing more (not even the rest of
 *     a delivery in progress when another listener unsubscribes it), others keep receiving, and a
 *     second call is harmless.
 * 17. A start, then (once started) a stop of the same vNF: vnf-started then vnf-stopped, each
 *     exactly once, in that order, the stop's host echoed. Runs last: it stops the two vNFs that
 *     checks 2, 6 and 8 share (started once, so a lab starts only two containers).
 *
 * Timing: "at time t" means `now()` at delivery is within `ROUND_OFF_S` of t on a discrete clock
 * (a DES schedules by delay, now + (at − now), which may differ from `at` in the last bit), and in
 * [t − ROUND_OFF_S, t + lateToleranceS] on a wall clock (a timer never fires early). Every command
 * id (vnfId, chain, timer name) is unique to its check, so late answers of one check cannot be
 * mistaken for another's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "./backend.ts";
import type { Command, InstallSteering, SteeringHop } from "./commands.ts";
import type { ManagerEvent } from "./events.ts";

/** Floating-point slack of a discrete clock when it reaches an absolute time by a delay, seconds. */
export const ROUND_OFF_S = 1e-9;

/** What the suite needs from one backend under test. */
export interface BackendHarness {
  readonly backend: Backend;
  /** At least two host ids where a vNF of `vnfType` starts (the first two are used). */
  readonly hosts: readonly string[];
  /** A vNF type that starts on every host of `hosts` with empty params (and carries state). */
  readonly vnfType: string;
  /** A valid install-steering of `chain` at `version` through `hops` (vNFs that run). */
  steering(chain: string, version: number, hops: SteeringHop[]): InstallSteering;
  /**
   * Lets the backend work until `done()` holds, or until nothing more can happen (a discrete clock
   * with no events left), or a bounded wait ends (a wall clock). Never throws on a timeout: the
   * checks say what is missing.
   */
  advance(done: () => boolean): Promise<void>;
  /** Lets every pending answer arrive: a discrete clock runs out its events; a wall clock waits a quiet period. */
  settle(): Promise<void>;
  /** How late (seconds) a timed event may arrive: 0 for a discrete clock, the event loop's slack for a wall clock. */
  readonly lateToleranceS: number;
  /**
   * True when the backend knows its hosts and vNF types, so a start on an unknown host or of an
   * unknown type, or a stop of a vNF it does not run, must be answered by vnf-failed. A backend that
   * models none (`FakeBackend`) may answer those with vnf-started / vnf-stopped.
   */
  readonly knowsHosts: boolean;
  /** The steering version in force for `chain` (undefined: none), when the backend exposes it. */
  installedVersion?(chain: string): number | undefined;
  /** Delivers an unsolicited event the way the backend's Agents do. */
  deliverUnsolicited(event: ManagerEvent): void;
  /** Frees everything the harness made (the suite calls it in `afterAll`). */
  cleanup(): Promise<void>;
}

export interface ContractOptions {
  /** Per-check timeout, ms (default: vitest's). */
  testTimeoutMs?: number;
  /** Timeout of making and cleaning up the harness, ms (default: vitest's). */
  hookTimeoutMs?: number;
}

interface Delivered {
  event: ManagerEvent;
  /** `now()` at delivery, seconds. */
  now: number;
  /** Position among everything the session saw (commands and events). */
  seq: number;
  /** Delivered synchronously within `execute`. */
  inExecute: boolean;
  /** For steering answers: the version the harness says is in force at delivery. */
  inForce?: number | undefined;
}

interface Issued {
  command: Command;
  /** `now()` just before `execute`, seconds. */
  now: number;
  seq: number;
}

/** True when `event` is (one of the possible) answers to `command`. */
export function answers(command: Command, event: ManagerEvent): boolean {
  switch (command.type) {
    case "start-vnf":
      return (event.type === "vnf-started" || event.type === "vnf-failed") && event.vnfId === command.vnfId;
    case "stop-vnf":
      return (event.type === "vnf-stopped" || event.type === "vnf-failed") && event.vnfId === command.vnfId;
    case "transfer-state":
      return (event.type === "state-transferred" && event.fromVnfId === command.fromVnfId && event.toVnfId === command.toVnfId) || (event.type === "vnf-failed" && event.vnfId === command.toVnfId);
    case "install-steering":
      return event.type === "steering-installed" && event.chain === command.chain && event.version === command.version;
    case "remove-steering":
      return event.type === "steering-removed" && event.chain === command.chain && event.version === command.version;
    case "set-timer":
      return event.type === "timer" && event.name === command.name;
  }
}

/** Everything one backend did while the suite watched: commands issued, events delivered, clock samples. */
class Session {
  readonly delivered: Delivered[] = [];
  readonly issued: Issued[] = [];
  /** Every `now()` sample, in the order taken. */
  readonly clock: number[] = [];
  private seq = 0;
  private executing = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly h: BackendHarness) {
    this.unsubscribe = h.backend.onEvent((event) => {
      const now = this.now();
      const d: Delivered = { event, now, seq: this.seq++, inExecute: this.executing };
      if ((event.type === "steering-installed" || event.type === "steering-removed") && h.installedVersion) d.inForce = h.installedVersion(event.chain);
      this.delivered.push(d);
    });
  }

  now(): number {
    const t = this.h.backend.now();
    this.clock.push(t);
    return t;
  }

  /** Executes `command` (which must not throw) and returns its record. */
  execute(command: Command): Issued {
    const issued: Issued = { command, now: this.now(), seq: this.seq++ };
    this.issued.push(issued);
    this.executing = true;
    try {
      this.h.backend.execute(command);
    } finally {
      this.executing = false;
    }
    this.now();
    return issued;
  }

  /** Every delivered event that answers `issued`'s command (before or after it: the checks look). */
  answersTo(issued: Issued): Delivered[] {
    return this.delivered.filter((d) => answers(issued.command, d.event));
  }

  answered(...issued: Issued[]): boolean {
    return issued.every((i) => this.answersTo(i).length > 0);
  }

  /** Waits until every command in `issued` has an answer (or the harness gives up), then samples the clock. */
  async waitFor(...issued: Issued[]): Promise<void> {
    await this.h.advance(() => this.answered(...issued));
    this.now();
  }

  async settle(): Promise<void> {
    await this.h.settle();
    this.now();
  }

  /** The one answer to `issued`, delivered after it was issued; fails the check otherwise. */
  one(issued: Issued): Delivered {
    const all = this.answersTo(issued);
    const what = commandLabel(issued.command);
    expect(all.map((d) => d.event), `answers to ${what}`).toHaveLength(1);
    const d = all[0] as Delivered;
    expect(d.seq, `the answer to ${what} is delivered after the command was issued`).toBeGreaterThan(issued.seq);
    return d;
  }

  close(): void {
    this.unsubscribe();
  }
}

function commandLabel(c: Command): string {
  switch (c.type) {
    case "start-vnf":
      return `start-vnf ${c.vnfId} (${c.vnfType}) on ${c.host}`;
    case "stop-vnf":
      return `stop-vnf ${c.vnfId} on ${c.host}`;
    case "transfer-state":
      return `transfer-state ${c.fromVnfId} → ${c.toVnfId}`;
    case "install-steering":
      return `install-steering ${c.chain} v${c.version}`;
    case "remove-steering":
      return `remove-steering ${c.chain} v${c.version}`;
    case "set-timer":
      return `set-timer ${c.name} at ${c.at}`;
  }
}

/** Asserts `values` never decrease. */
function expectNonDecreasing(values: readonly number[], what: string): void {
  for (let i = 1; i < values.length; i++) {
    if ((values[i] as number) < (values[i - 1] as number)) expect.fail(`${what}: sample ${i} is ${values[i]} after ${values[i - 1]}`);
  }
}

/**
 * Registers the contract suite for one backend. `makeHarness` runs once in `beforeAll`; if it
 * throws it must free what it made. `cleanup` runs in `afterAll`.
 */
export function describeBackendContract(name: string, makeHarness: () => BackendHarness | Promise<BackendHarness>, options: ContractOptions = {}): void {
  describe(`Backend contract: ${name}`, () => {
    let h: BackendHarness | undefined;
    let s: Session;
    let n = 0;
    /** A fresh id for this suite run. */
    const id = (what: string): string => `contract-${what}-${++n}`;
    const harness = (): BackendHarness => {
      if (!h) throw new Error("the backend harness was not made");
      return h;
    };

    /** Checks that `d` arrived at time `t` (see the module comment). */
    const expectAt = (d: Delivered, t: number, what: string): void => {
      expect(d.now, `${what}: not before ${t}`).toBeGreaterThanOrEqual(t - ROUND_OFF_S);
      expect(d.now, `${what}: not later than ${t} + ${harness().lateToleranceS}`).toBeLessThanOrEqual(t + harness().lateToleranceS + ROUND_OFF_S);
    };

    // Two running vNFs of the harness's type on its first two hosts, started once and shared by the
    // start, transfer and steering checks; the last check stops them.
    let pair: Promise<{ a: Issued; b: Issued }> | undefined;
    const startPair = (): Promise<{ a: Issued; b: Issued }> => {
      pair ??= (async () => {
        const { hosts, vnfType } = harness();
        const start = (host: string): Issued => s.execute({ type: "start-vnf", vnfId: id("vnf"), vnfType, host, params: {}, ue: "ue-0", chain: id("chain") });
        const a = start(hosts[0] as string);
        const b = start(hosts[1] as string);
        await s.waitFor(a, b);
        for (const x of [a, b]) {
          const c = x.command as Extract<Command, { type: "start-vnf" }>;
          const d = s.one(x);
          expect(d.event, `answer to ${commandLabel(c)}`).toEqual({ type: "vnf-started", vnfId: c.vnfId, host: c.host });
        }
        return { a, b };
      })();
      return pair;
    };
    const vnfOf = (x: Issued): Extract<Command, { type: "start-vnf" }> => x.command as Extract<Command, { type: "start-vnf" }>;

    beforeAll(async () => {
      h = await makeHarness();
      expect(h.hosts.length, "the harness gives two hosts").toBeGreaterThanOrEqual(2);
      s = new Session(h);
    }, options.hookTimeoutMs);

    afterAll(async () => {
      s?.close();
      await h?.cleanup();
    }, options.hookTimeoutMs);

    const t = options.testTimeoutMs;

    it("now() is a clock in seconds that never decreases", async () => {
      const t0 = s.now();
      const late = s.execute({ type: "set-timer", name: id("timer"), at: t0 + 0.2 });
      const early = s.execute({ type: "set-timer", name: id("timer"), at: t0 + 0.1 });
      const past = s.execute({ type: "set-timer", name: id("timer"), at: t0 - 1 });
      const failing = s.execute({ type: "start-vnf", vnfId: id("vnf"), vnfType: harness().vnfType, host: id("no-such-host"), params: {}, ue: "ue-0", chain: id("chain") });
      await s.waitFor(early);
      await s.waitFor(late, past, failing);
      await s.settle();
      for (const x of s.clock) expect(Number.isFinite(x), `now() = ${x}`).toBe(true);
      expectNonDecreasing(s.clock, "now() over the whole suite so far");
      expectNonDecreasing(s.delivered.map((d) => d.now), "now() at each delivered event");
      // The clock moved with the work: the later timer came at t0 + 0.2 or after.
      expect(s.now()).toBeGreaterThanOrEqual(t0 + 0.2 - ROUND_OFF_S);
    }, t);

    /** A start the backend cannot honour: exactly one answer, a vnf-failed (same vnfId and host) where the backend knows its hosts; never a throw. */
    const expectStartRefused = async (c: Extract<Command, { type: "start-vnf" }>): Promise<void> => {
      let x: Issued | undefined;
      expect(() => (x = s.execute(c))).not.toThrow();
      await s.waitFor(x as Issued);
      const d = s.one(x as Issued);
      if (harness().knowsHosts) expect(d.event).toMatchObject({ type: "vnf-failed", vnfId: c.vnfId, host: c.host, reason: expect.any(String) });
      else expect(d.event).toMatchObject({ vnfId: c.vnfId, host: c.host });
    };

    it("start-vnf on a valid host and type: exactly one vnf-started with the same vnfId and host", async () => {
      const { a, b } = await startPair();
      expect(vnfOf(a).host).not.toBe(vnfOf(b).host);
    }, t);

    it("start-vnf on an unknown host: exactly one vnf-failed (same vnfId and host), not a throw", async () => {
      await expectStartRefused({ type: "start-vnf", vnfId: id("vnf"), vnfType: harness().vnfType, host: id("no-such-host"), params: {}, ue: "ue-0", chain: id("chain") });
    }, t);

    it("start-vnf of an unknown vNF type: exactly one vnf-failed (same vnfId and host), not a throw", async () => {
      await expectStartRefused({ type: "start-vnf", vnfId: id("vnf"), vnfType: id("no-such-type"), host: harness().hosts[0] as string, params: {}, ue: "ue-0", chain: id("chain") });
    }, t);

    it("stop-vnf of a vNF the backend does not run: exactly one vnf-failed (same vnfId), not a throw", async () => {
      const c = { type: "stop-vnf", vnfId: id("vnf"), host: harness().hosts[0] as string } as const;
      let x: Issued | undefined;
      expect(() => (x = s.execute(c))).not.toThrow();
      await s.waitFor(x as Issued);
      const d = s.one(x as Issued);
      if (harness().knowsHosts) expect(d.event).toMatchObject({ type: "vnf-failed", vnfId: c.vnfId, host: c.host });
      else expect(d.event).toMatchObject({ vnfId: c.vnfId, host: c.host });
    }, t);

    it("transfer-state between two running vNFs: exactly one state-transferred with the same ids", async () => {
      const { a, b } = await startPair();
      const x = s.execute({ type: "transfer-state", fromVnfId: vnfOf(a).vnfId, toVnfId: vnfOf(b).vnfId, fromHost: vnfOf(a).host, toHost: vnfOf(b).host, bytes: 64_000 });
      await s.waitFor(x);
      const d = s.one(x);
      expect(d.event).toMatchObject({ type: "state-transferred", fromVnfId: vnfOf(a).vnfId, toVnfId: vnfOf(b).vnfId });
      const bytes = (d.event as Extract<ManagerEvent, { type: "state-transferred" }>).bytes;
      expect(Number.isFinite(bytes) && bytes >= 0, `bytes carried: ${bytes}`).toBe(true);
    }, t);

    it("transfer-state to a vNF that does not run: exactly one answer, state-transferred or vnf-failed for toVnfId", async () => {
      const { a } = await startPair();
      const ghost = id("ghost");
      const x = s.execute({ type: "transfer-state", fromVnfId: vnfOf(a).vnfId, toVnfId: ghost, fromHost: vnfOf(a).host, toHost: harness().hosts[1] as string, bytes: 1000 });
      await s.waitFor(x);
      const d = s.one(x);
      if (d.event.type === "vnf-failed") expect(d.event.vnfId).toBe(ghost);
      else expect(d.event).toMatchObject({ type: "state-transferred", fromVnfId: vnfOf(a).vnfId, toVnfId: ghost });
    }, t);

    it("install-steering: exactly one steering-installed with the same chain and version, in force when it arrives", async () => {
      const { a } = await startPair();
      const chain = id("chain");
      const x = s.execute(harness().steering(chain, 1, [{ vnfId: vnfOf(a).vnfId, host: vnfOf(a).host }]));
      await s.waitFor(x);
      const d = s.one(x);
      expect(d.event).toEqual({ type: "steering-installed", chain, version: 1 });
      if (harness().installedVersion) expect(d.inForce, "version in force when steering-installed arrives").toBe(1);
      // Clean up for the lab: the pair is stopped at the end.
      const r = s.execute({ type: "remove-steering", chain, version: 1 });
      await s.waitFor(r);
      s.one(r);
    }, t);

    it("install-steering of an older version after a newer one: each answered with its own version, the newer stays in force", async () => {
      const { a } = await startPair();
      const chain = id("chain");
      const hops = [{ vnfId: vnfOf(a).vnfId, host: vnfOf(a).host }];
      const v3 = s.execute(harness().steering(chain, 3, hops));
      const v2 = s.execute(harness().steering(chain, 2, hops));
      await s.waitFor(v3, v2);
      await s.settle();
      expect(s.one(v3).event).toEqual({ type: "steering-installed", chain, version: 3 });
      expect(s.one(v2).event).toEqual({ type: "steering-installed", chain, version: 2 });
      if (harness().installedVersion) {
        expect(s.one(v3).inForce).toBe(3);
        expect(s.one(v2).inForce, "an older version changes nothing").toBe(3);
        expect(harness().installedVersion?.(chain)).toBe(3);
      }
      const r = s.execute({ type: "remove-steering", chain, version: 3 });
      await s.waitFor(r);
      s.one(r);
    }, t);

    it("remove-steering: exactly one steering-removed with the same chain and version, nothing in force after (also for a chain never installed)", async () => {
      const { a } = await startPair();
      const chain = id("chain");
      const i = s.execute(harness().steering(chain, 1, [{ vnfId: vnfOf(a).vnfId, host: vnfOf(a).host }]));
      await s.waitFor(i);
      s.one(i);
      const r = s.execute({ type: "remove-steering", chain, version: 1 });
      const never = id("never-installed");
      const rn = s.execute({ type: "remove-steering", chain: never, version: 4 });
      await s.waitFor(r, rn);
      await s.settle();
      const d = s.one(r);
      expect(d.event).toEqual({ type: "steering-removed", chain, version: 1 });
      expect(s.one(rn).event).toEqual({ type: "steering-removed", chain: never, version: 4 });
      if (harness().installedVersion) {
        expect(d.inForce, "nothing of the chain in force when steering-removed arrives").toBeUndefined();
        expect(harness().installedVersion?.(chain)).toBeUndefined();
        expect(harness().installedVersion?.(never)).toBeUndefined();
      }
    }, t);

    it("set-timer in the future: exactly one timer with the same name, at `at`", async () => {
      const at = s.now() + 0.25;
      const x = s.execute({ type: "set-timer", name: id("timer"), at });
      await s.waitFor(x);
      await s.settle();
      const d = s.one(x);
      expect(d.event).toEqual({ type: "timer", name: (x.command as { name: string }).name });
      expectAt(d, at, "timer");
    }, t);

    it("set-timer in the past: exactly one timer at the time of the command (max(at, now))", async () => {
      // Let time pass first, so "the past" is after the clock's start.
      const tick = s.execute({ type: "set-timer", name: id("tick"), at: s.now() + 0.2 });
      await s.waitFor(tick);
      const x = s.execute({ type: "set-timer", name: id("timer"), at: s.now() - 0.1 });
      await s.waitFor(x);
      await s.settle();
      expectAt(s.one(x), x.now, "timer set in the past");
    }, t);

    it("events are delivered in the order they happen; equal times in the order they were produced", async () => {
      const t0 = s.now();
      const names = { third: id("t3"), first: id("t1"), second: id("t2"), tieA: id("tie-a"), tieB: id("tie-b"), tieC: id("tie-c") };
      const timers = [
        s.execute({ type: "set-timer", name: names.third, at: t0 + 0.3 }),
        s.execute({ type: "set-timer", name: names.first, at: t0 + 0.1 }),
        s.execute({ type: "set-timer", name: names.tieA, at: t0 + 0.4 }),
        s.execute({ type: "set-timer", name: names.second, at: t0 + 0.2 }),
        s.execute({ type: "set-timer", name: names.tieB, at: t0 + 0.4 }),
        s.execute({ type: "set-timer", name: names.tieC, at: t0 + 0.4 }),
      ];
      await s.waitFor(...timers);
      await s.settle();
      const mine = new Set(Object.values(names));
      const order = s.delivered.filter((d) => d.event.type === "timer" && mine.has(d.event.name));
      expect(order.map((d) => (d.event as { name: string }).name)).toEqual([names.first, names.second, names.third, names.tieA, names.tieB, names.tieC]);
      expectNonDecreasing(order.map((d) => d.now), "delivery times");
      for (const x of timers) expectAt(s.one(x), (x.command as { at: number }).at, commandLabel(x.command));
    }, t);

    it("every command of a mixed batch gets exactly one answer, never before it was issued", async () => {
      const { hosts, vnfType } = harness();
      const t0 = s.now();
      const batch = [
        s.execute({ type: "set-timer", name: id("timer"), at: t0 + 0.15 }),
        s.execute({ type: "start-vnf", vnfId: id("vnf"), vnfType, host: id("no-such-host"), params: {}, ue: "ue-0", chain: id("chain") }),
        s.execute({ type: "remove-steering", chain: id("chain"), version: 1 }),
        s.execute({ type: "stop-vnf", vnfId: id("vnf"), host: hosts[0] as string }),
        s.execute({ type: "set-timer", name: id("timer"), at: t0 }),
        s.execute({ type: "transfer-state", fromVnfId: id("vnf"), toVnfId: id("vnf"), fromHost: hosts[0] as string, toHost: hosts[1] as string, bytes: 0 }),
      ];
      await s.waitFor(...batch);
      await s.settle();
      for (const x of batch) s.one(x);
    }, t);

    it("unsolicited events may arrive at any time: delivered once, no answer disturbed", async () => {
      const ue = id("ue");
      const x = s.execute({ type: "set-timer", name: id("timer"), at: s.now() + 0.1 });
      harness().deliverUnsolicited({ type: "ue-connected", ue, device: harness().hosts[0] as string, rssiDbm: -50, packets: 0 });
      const y = s.execute({ type: "set-timer", name: id("timer"), at: s.now() });
      await s.waitFor(x, y);
      await h?.advance(() => s.delivered.some((d) => d.event.type === "ue-connected" && d.event.ue === ue));
      await s.settle();
      expect(s.delivered.filter((d) => d.event.type === "ue-connected" && d.event.ue === ue)).toHaveLength(1);
      s.one(x);
      s.one(y);
    }, t);

    it("onEvent's unsubscribe works: nothing more for that listener (even mid-delivery), others keep receiving, a second call is harmless", async () => {
      const { backend } = harness();
      const first = id("timer");
      const second = id("timer");
      const mine = (e: ManagerEvent): string | undefined => (e.type === "timer" && (e.name === first || e.name === second) ? e.name : undefined);
      const got = { a: [] as string[], b: [] as string[], c: [] as string[] };
      let offB: () => void = () => undefined;
      // A unsubscribes B while the first timer is being delivered; B comes after A, so it must not get it.
      const offA = backend.onEvent((e) => {
        const name = mine(e);
        if (name === undefined) return;
        got.a.push(name);
        if (name === first) offB();
      });
      offB = backend.onEvent((e) => {
        const name = mine(e);
        if (name !== undefined) got.b.push(name);
      });
      const offC = backend.onEvent((e) => {
        const name = mine(e);
        if (name !== undefined) got.c.push(name);
      });
      try {
        const t0 = s.now();
        const x = s.execute({ type: "set-timer", name: first, at: t0 + 0.1 });
        const y = s.execute({ type: "set-timer", name: second, at: t0 + 0.3 });
        await s.waitFor(x);
        // C unsubscribes between the two deliveries, twice.
        expect(got.c).toEqual([first]);
        offC();
        offC();
        offB();
        await s.waitFor(y);
        await s.settle();
        expect(got.a).toEqual([first, second]);
        expect(got.b, "unsubscribed during the delivery of the first timer, before its turn").toEqual([]);
        expect(got.c, "unsubscribed after the first timer").toEqual([first]);
        // The suite's own listener still receives everything.
        s.one(x);
        s.one(y);
      } finally {
        offA();
        offB();
        offC();
      }
    }, t);

    it("start, then (once started) stop of the same vNF: vnf-started then vnf-stopped, each exactly once, in that order", async () => {
      const { a, b } = await startPair();
      const stops = [a, b].map((x) => s.execute({ type: "stop-vnf", vnfId: vnfOf(x).vnfId, host: vnfOf(x).host }));
      await s.waitFor(...stops);
      await s.settle();
      for (const x of [a, b]) {
        const { vnfId, host } = vnfOf(x);
        const mine = s.delivered.filter((d) => "vnfId" in d.event && d.event.vnfId === vnfId);
        expect(mine.map((d) => d.event), `events of ${vnfId}`).toEqual([
          { type: "vnf-started", vnfId, host },
          { type: "vnf-stopped", vnfId, host },
        ]);
        expect((mine[1] as Delivered).now).toBeGreaterThanOrEqual((mine[0] as Delivered).now);
      }
      for (const x of stops) s.one(x);
    }, t);
  });
}
