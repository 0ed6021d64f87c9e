import { describe, expect, it } from "vitest";
import { EmptySchedule, Environment, Interrupt, URGENT, type Event } from "./index.ts";

describe("Environment and events", () => {
  it("processes events in time order and advances the clock", () => {
    const env = new Environment();
    const log: string[] = [];
    for (const [name, delay] of [["c", 3], ["a", 1], ["b", 2]] as const) {
      env.timeout(delay).addCallback(() => log.push(`${name}@${env.now}`));
    }
    env.run();
    expect(log).toEqual(["a@1", "b@2", "c@3"]);
    expect(env.now).toBe(3);
    expect(env.eventsProcessed).toBe(3);
  });

  it("breaks ties by priority (URGENT first), then FIFO", () => {
    const env = new Environment();
    const log: string[] = [];
    const normal1 = env.event<string>();
    const normal2 = env.event<string>();
    const urgent = env.event<string>();
    for (const e of [normal1, normal2, urgent]) e.addCallback((ev) => log.push(ev.value));
    normal1.succeed("n1");
    normal2.succeed("n2");
    urgent.succeed("u", URGENT);
    env.timeout(0, "t").addCallback((ev) => log.push(String(ev.value)));
    env.run();
    expect(log).toEqual(["u", "n1", "n2", "t"]);
  });

  it("run({ until: t }) stops before events at t and sets now = t", () => {
    const env = new Environment();
    const seen: number[] = [];
    for (const t of [1, 2, 5, 7]) env.timeout(t).addCallback(() => seen.push(env.now));
    env.run({ until: 5 });
    expect(seen).toEqual([1, 2]);
    expect(env.now).toBe(5);
    expect(env.peek()).toBe(5);
    env.run({ until: 10 });
    expect(seen).toEqual([1, 2, 5, 7]);
    expect(env.now).toBe(10);
    expect(() => env.run({ until: 3 })).toThrow(RangeError);
  });

  it("run({ until: event }) returns the event's value", () => {
    const env = new Environment();
    const p = env.process(function* () {
      yield env.timeout(4);
      return 42;
    });
    env.timeout(100);
    expect(env.run({ until: p })).toBe(42);
    expect(env.now).toBe(4);
  });

  it("step() on an empty schedule throws EmptySchedule", () => {
    expect(() => new Environment().step()).toThrow(EmptySchedule);
  });

  it("refuses to trigger an event twice and negative delays", () => {
    const env = new Environment();
    const e = env.event().succeed(1);
    expect(() => e.succeed(2)).toThrow("already been triggered");
    expect(() => env.timeout(-1)).toThrow(RangeError);
  });
});

describe("processes", () => {
  it("resumes with yielded event values and returns a value", () => {
    const env = new Environment();
    const log: unknown[] = [];
    const child = env.process(function* () {
      yield env.timeout(2);
      return "child-done";
    });
    env.process(function* () {
      const v: unknown = yield env.timeout(1, "tick");
      log.push([env.now, v]);
      const r: unknown = yield child;
      log.push([env.now, r]);
    });
    env.run();
    expect(log).toEqual([
      [1, "tick"],
      [2, "child-done"],
    ]);
  });

  it("continues at once when yielding an already processed event", () => {
    const env = new Environment();
    const t = env.timeout(1, "x");
    const log: unknown[] = [];
    env.process(function* () {
      yield env.timeout(5);
      const v: unknown = yield t;
      log.push([env.now, v]);
    });
    env.run();
    expect(log).toEqual([[5, "x"]]);
  });

  it("throws a failed event into the waiting process, which may handle it", () => {
    const env = new Environment();
    const e = env.event();
    const log: string[] = [];
    env.process(function* () {
      try {
        yield e;
      } catch (err) {
        log.push(`caught ${(err as Error).message} at ${env.now}`);
      }
    });
    env.timeout(3).addCallback(() => e.fail(new Error("boom")));
    env.run();
    expect(log).toEqual(["caught boom at 3"]);
  });

  it("aborts run() with the cause of a failure nobody handles", () => {
    const env = new Environment();
    env.process(function* () {
      yield env.timeout(1);
      throw new Error("unhandled in process");
    });
    expect(() => env.run()).toThrow("unhandled in process");
    expect(env.now).toBe(1);
  });

  it("does not abort when a failed process is awaited by another process", () => {
    const env = new Environment();
    const failing = env.process(function* () {
      yield env.timeout(1);
      throw new Error("child failed");
    });
    let caught = "";
    env.process(function* () {
      try {
        yield failing;
      } catch (err) {
        caught = (err as Error).message;
      }
    });
    env.run();
    expect(caught).toBe("child failed");
  });

  it("a defused failure does not abort the run", () => {
    const env = new Environment();
    const e = env.event();
    e.fail(new Error("ignored"));
    e.defused = true;
    env.run();
    expect(e.processed).toBe(true);
    expect(e.isOk).toBe(false);
  });

  it("interrupt() throws Interrupt with the cause at the current time, before other events", () => {
    const env = new Environment();
    const log: unknown[] = [];
    const sleeper = env.process(function* () {
      try {
        yield env.timeout(10);
        log.push("woke normally");
      } catch (err) {
        log.push(["interrupted", env.now, (err as Interrupt).cause, err instanceof Interrupt]);
        yield env.timeout(1);
        log.push(["resumed", env.now]);
      }
    });
    env.process(function* () {
      yield env.timeout(3);
      sleeper.interrupt("handover");
    });
    env.run();
    expect(log).toEqual([
      ["interrupted", 3, "handover", true],
      ["resumed", 4],
    ]);
    expect(sleeper.isAlive).toBe(false);
    expect(() => sleeper.interrupt("late")).toThrow("cannot be interrupted");
  });

  it("an unhandled Interrupt fails the process", () => {
    const env = new Environment();
    const p = env.process(function* () {
      yield env.timeout(10);
    });
    env.timeout(1).addCallback(() => p.interrupt("stop"));
    expect(() => env.run()).toThrow(Interrupt);
  });

  it("fails a process that yields something that is not an event", () => {
    const env = new Environment();
    env.process(function* () {
      yield 5 as unknown as Event<unknown>;
    });
    expect(() => env.run()).toThrow("yielded 5, which is not an event");
  });
});

describe("conditions", () => {
  it("allOf waits for all and returns values in processing order", () => {
    const env = new Environment();
    const a = env.timeout(2, "a");
    const b = env.timeout(1, "b");
    let result: unknown[] = [];
    let at = -1;
    env.process(function* () {
      const v = yield env.allOf([a, b]);
      result = v.toArray();
      at = env.now;
    });
    env.run();
    expect(result).toEqual(["b", "a"]);
    expect(at).toBe(2);
  });

  it("anyOf succeeds with the first event", () => {
    const env = new Environment();
    const slow = env.timeout(5, "slow");
    const fast = env.timeout(1, "fast");
    let at = -1;
    let has: boolean[] = [];
    env.process(function* () {
      const v = yield env.anyOf([slow, fast]);
      at = env.now;
      has = [v.has(fast), v.has(slow)];
    });
    env.run();
    expect(at).toBe(1);
    expect(has).toEqual([true, false]);
  });

  it("empty conditions succeed immediately; a failing member fails the condition", () => {
    const env = new Environment();
    const log: string[] = [];
    env.process(function* () {
      yield env.allOf([]);
      log.push(`empty at ${env.now}`);
      const bad = env.event();
      env.timeout(2).addCallback(() => bad.fail(new Error("member failed")));
      try {
        yield env.allOf([bad, env.timeout(5)]);
      } catch (err) {
        log.push(`${(err as Error).message} at ${env.now}`);
      }
    });
    env.run();
    expect(log).toEqual(["empty at 0", "member failed at 2"]);
  });
});

describe("determinism", () => {
  it("two runs of a random model give identical traces", () => {
    const trace = (seed: number) => {
      const env = new Environment();
      const out: string[] = [];
      let state = seed;
      const next = () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
      };
      for (let p = 0; p < 5; p++) {
        env.process(function* () {
          for (let i = 0; i < 20; i++) {
            yield env.timeout(Math.floor(next() * 4));
            out.push(`${p}@${env.now}`);
          }
        });
      }
      env.run();
      return out.join(",");
    };
    expect(trace(7)).toBe(trace(7));
    expect(trace(7)).not.toBe(trace(8));
  });
});
