import { describe, expect, it } from "vitest";
import { Container, Environment, Interrupt, Preempted, PreemptiveResource, PriorityResource, Resource, Store } from "../index.ts";

describe("Resource", () => {
  it("grants slots FIFO and never exceeds capacity", () => {
    const env = new Environment();
    const res = new Resource(env, 2);
    const log: string[] = [];
    for (const [name, arrive, hold] of [["a", 0, 5], ["b", 0, 3], ["c", 1, 1], ["d", 2, 1]] as const) {
      env.process(function* () {
        yield env.timeout(arrive);
        const req = res.request();
        yield req;
        log.push(`${name} got @${env.now} (users ${res.count})`);
        expect(res.count).toBeLessThanOrEqual(2);
        yield env.timeout(hold);
        res.release(req);
      });
    }
    env.run();
    expect(log).toEqual(["a got @0 (users 2)", "b got @0 (users 2)", "c got @3 (users 2)", "d got @4 (users 2)"]);
  });

  it("PriorityResource serves lower priority numbers first, ties FIFO", () => {
    const env = new Environment();
    const res = new PriorityResource(env, 1);
    const order: string[] = [];
    env.process(function* () {
      const req = res.request(0);
      yield req;
      yield env.timeout(1);
      res.release(req);
    });
    for (const [name, prio] of [["low", 5], ["high", 1], ["high2", 1], ["mid", 3]] as const) {
      env.process(function* () {
        const req = res.request(prio);
        yield req;
        order.push(name);
        yield env.timeout(1);
        res.release(req);
      });
    }
    env.run();
    expect(order).toEqual(["high", "high2", "mid", "low"]);
  });

  it("a request cancelled while waiting (process interrupted) leaves the queue", () => {
    const env = new Environment();
    const res = new Resource(env, 1);
    const log: string[] = [];
    env.process(function* () {
      const req = res.request();
      yield req;
      yield env.timeout(10);
      res.release(req);
    });
    const impatient = env.process(function* () {
      const req = res.request();
      try {
        yield req;
        log.push("impatient served");
      } catch (err) {
        req.cancel();
        log.push(`gave up @${env.now}: ${(err as Interrupt).cause}`);
      }
    });
    env.process(function* () {
      const req = res.request();
      yield req;
      log.push(`patient served @${env.now}`);
      res.release(req);
    });
    env.timeout(2).addCallback(() => impatient.interrupt("timeout"));
    env.run();
    expect(log).toEqual(["gave up @2: timeout", "patient served @10"]);
    expect(res.queue.length).toBe(0);
  });

  it("PreemptiveResource interrupts a less important user", () => {
    const env = new Environment();
    const res = new PreemptiveResource(env, 1);
    const log: string[] = [];
    env.process(function* () {
      const req = res.request(5);
      yield req;
      try {
        yield env.timeout(10);
        log.push("background finished");
      } catch (err) {
        const cause = (err as Interrupt).cause as Preempted;
        log.push(`background preempted @${env.now}, used since ${cause.usageSince}`);
      }
    });
    env.process(function* () {
      yield env.timeout(3);
      const req = res.request(1);
      yield req;
      log.push(`urgent got @${env.now}`);
      yield env.timeout(1);
      res.release(req);
    });
    env.run();
    // The interruption is URGENT, so the preempted user hears of it before the new user resumes.
    expect(log).toEqual(["background preempted @3, used since 0", "urgent got @3"]);
  });

  it("rejects an invalid capacity", () => {
    expect(() => new Resource(new Environment(), 0)).toThrow(RangeError);
  });
});

describe("Container", () => {
  it("blocks gets until the level suffices and keeps 0 <= level <= capacity", () => {
    const env = new Environment();
    const memory = new Container(env, 100, 30);
    const log: string[] = [];
    env.process(function* () {
      yield memory.get(50);
      log.push(`got 50 @${env.now}, level ${memory.level}`);
    });
    env.process(function* () {
      yield env.timeout(4);
      yield memory.put(40);
      log.push(`put 40 @${env.now}`);
      yield memory.put(50);
      log.push(`put 50 @${env.now}, level ${memory.level}`);
    });
    env.run();
    // Both processes resume at t = 4 after all three transfers happened: 30 + 40 − 50 + 50 = 70.
    expect(log).toEqual(["put 40 @4", "got 50 @4, level 70", "put 50 @4, level 70"]);
  });

  it("serves waiting requests in arrival order (no overtaking)", () => {
    const env = new Environment();
    const c = new Container(env, 100, 10);
    const log: string[] = [];
    env.process(function* () {
      yield c.get(60);
      log.push(`big @${env.now}`);
    });
    env.process(function* () {
      yield c.get(5);
      log.push(`small @${env.now}`);
    });
    env.process(function* () {
      yield env.timeout(1);
      yield c.put(55);
    });
    env.run();
    expect(log).toEqual(["big @1", "small @1"]);
    expect(c.level).toBe(0);
  });

  it("tryGet is a hard limit: fails instead of waiting", () => {
    const env = new Environment();
    const c = new Container(env, 8, 8);
    expect(c.tryGet(5)).toBe(true);
    expect(c.tryGet(5)).toBe(false);
    expect(c.level).toBe(3);
    expect(c.tryPut(5)).toBe(true);
    expect(c.tryPut(1)).toBe(false);
    expect(() => c.get(9)).toThrow("exceeds the capacity");
  });
});

describe("Store", () => {
  it("holds items, blocks gets until an item matches, and respects capacity", () => {
    const env = new Environment();
    const images = new Store<string>(env, 2);
    const log: string[] = [];
    env.process(function* () {
      const item: string = yield images.get((i) => i.startsWith("ids"));
      log.push(`got ${item} @${env.now}`);
    });
    env.process(function* () {
      yield images.put("firewall");
      yield images.put("wire");
      log.push(`2 stored @${env.now}`);
      const third = images.put("ids-lite");
      env.process(function* () {
        yield env.timeout(2);
        const x: string = yield images.get();
        log.push(`took ${x} @${env.now}`);
      });
      yield third;
      log.push(`third stored @${env.now}`);
    });
    env.run();
    expect(log).toEqual(["2 stored @0", "took firewall @2", "third stored @2", "got ids-lite @2"]);
    expect(images.items).toEqual(["wire"]);
  });
});
