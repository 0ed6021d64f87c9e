import { describe, expect, it } from "vitest";
import { Environment } from "./environment.ts";
import { URGENT } from "./event.ts";
import { RngStreams } from "../../base/rng.ts";

describe("run({ until: event })", () => {
  it("throws the cause when the until-event fails", () => {
    const env = new Environment();
    const p = env.process(function* () {
      yield env.timeout(2);
      throw new Error("vnf start failed");
    });
    expect(() => env.run({ until: p })).toThrow("vnf start failed");
    expect(env.now).toBe(2);
  });

  it("throws when the schedule empties before the until-event triggers", () => {
    const env = new Environment();
    env.timeout(1);
    expect(() => env.run({ until: env.event() })).toThrow("never triggered");
    expect(env.now).toBe(1);
  });

  it("peek() gives the next event time; run() with no until drains the schedule", () => {
    const env = new Environment(10);
    expect(env.peek()).toBe(Infinity);
    env.timeout(2.5);
    env.timeout(1);
    expect(env.peek()).toBe(11);
    env.step();
    expect(env.now).toBe(11);
    env.run();
    expect(env.now).toBe(12.5);
    expect(env.eventsProcessed).toBe(2);
  });
});

describe("callbacks", () => {
  it("lists callbacks and waiting processes in registration order until processed", () => {
    const env = new Environment();
    const e = env.event<number>();
    const order: string[] = [];
    const cb1 = () => order.push("cb1");
    const cb2 = () => order.push("cb2");
    e.addCallback(cb1);
    const waiter = env.process(function* () {
      yield e;
      order.push("process");
    });
    env.step(); // starts the process, which now waits on e
    e.addCallback(cb2);
    expect(e.callbacks).toEqual([cb1, waiter, cb2]);
    e.removeCallback(cb1);
    expect(e.callbacks).toEqual([waiter, cb2]);
    e.succeed(1);
    env.run();
    expect(order).toEqual(["process", "cb2"]);
    expect(e.callbacks).toEqual([]);
    expect(() => e.addCallback(cb1)).toThrow("already processed");
  });
});

describe("process start and priorities", () => {
  it("starts processes at the current time in creation order, before NORMAL events already scheduled at that time", () => {
    const env = new Environment();
    const log: string[] = [];
    env.timeout(0).addCallback(() => log.push("timeout(0)"));
    env.process(function* () {
      log.push("p1 starts");
      yield env.timeout(0);
      log.push("p1 after timeout(0)");
    });
    env.process(function* () {
      log.push("p2 starts");
      yield env.event().succeed(undefined, URGENT);
      log.push("p2 after urgent event");
    });
    env.run();
    expect(log).toEqual(["p1 starts", "p2 starts", "p2 after urgent event", "timeout(0)", "p1 after timeout(0)"]);
  });

  it("a process is an event: other processes and conditions wait for its return value", () => {
    const env = new Environment();
    const worker = (delay: number, result: string) =>
      env.process(function* () {
        yield env.timeout(delay);
        return result;
      });
    let seen: unknown[] = [];
    env.process(function* () {
      const a = worker(3, "a");
      const b = worker(1, "b");
      const both = yield env.allOf([a, b]);
      seen = [env.now, both.get(a), both.get(b)];
    });
    env.run();
    expect(seen).toEqual([3, "a", "b"]);
  });
});

describe("conditions with failures and processed members", () => {
  it("anyOf fails if its first member to finish fails; later members are ignored", () => {
    const env = new Environment();
    const log: string[] = [];
    const bad = env.event();
    const late = env.timeout(5, "late");
    env.process(function* () {
      try {
        yield env.anyOf([late, bad]);
      } catch (err) {
        log.push(`${(err as Error).message}@${env.now}`);
      }
    });
    env.timeout(1).addCallback(() => bad.fail(new Error("link down")));
    env.run();
    expect(log).toEqual(["link down@1"]);
    expect(env.now).toBe(5);
  });

  it("counts members that were already processed when the condition was made", () => {
    const env = new Environment();
    const early = env.timeout(1, "early");
    let value: unknown[] = [];
    env.process(function* () {
      yield env.timeout(2);
      const v = yield env.allOf([early, env.timeout(1, "later")]);
      value = [env.now, ...v.toArray()];
    });
    env.run();
    expect(value).toEqual([3, "early", "later"]);
  });
});

describe("determinism with seeded streams", () => {
  /** A small M/M/1-like model: customers arrive and are served by one process; returns the trace. */
  function trace(seed: number): string[] {
    const env = new Environment();
    const rng = new RngStreams(seed);
    const arrivals = rng.stream("arrivals");
    const service = rng.stream("service");
    const out: string[] = [];
    env.process(function* () {
      for (let i = 0; i < 5; i++) {
        yield env.timeout(arrivals.exponential(1));
        const id = i;
        env.process(function* () {
          const start = env.now;
          yield env.timeout(service.exponential(0.5));
          out.push(`${id}:${start.toFixed(6)}-${env.now.toFixed(6)}`);
        });
      }
    });
    env.run();
    return out;
  }

  it("gives identical traces for a seed, and different ones for another seed", () => {
    const a = trace(42);
    expect(a).toEqual(trace(42));
    expect(a).toHaveLength(5);
    expect(trace(43)).not.toEqual(a);
  });

  it("pins the exact trace of seed 42", () => {
    // Customer 1 arrives during customer 0's service and finishes first: service is not FIFO here.
    expect(trace(42)).toEqual(["1:0.215838-0.444024", "0:0.101691-0.559724", "2:3.237319-3.558206", "3:5.065481-5.262553", "4:5.816088-6.725225"]);
  });
});
