import { describe, expect, it } from "vitest";
import { Environment } from "../environment.ts";
import type { Interrupt } from "../event.ts";
import { Container } from "./container.ts";
import { Store } from "./store.ts";

describe("Store wake-up order and cancellation", () => {
  it("wakes waiting gets in arrival order, one item each", () => {
    const env = new Environment();
    const store = new Store<string>(env);
    const log: string[] = [];
    for (const name of ["g1", "g2", "g3"]) {
      env.process(function* () {
        const item: string = yield store.get();
        log.push(`${name}:${item}@${env.now}`);
      });
    }
    env.process(function* () {
      yield env.timeout(1);
      yield store.put("a");
      yield env.timeout(1);
      yield store.put("b");
      yield store.put("c");
    });
    env.run();
    expect(log).toEqual(["g1:a@1", "g2:b@2", "g3:c@2"]);
    expect(store.items).toEqual([]);
  });

  it("a get whose filter matches nothing does not block a later matching get", () => {
    const env = new Environment();
    const images = new Store<string>(env);
    const log: string[] = [];
    env.process(function* () {
      const item: string = yield images.get((i) => i === "ids");
      log.push(`ids-waiter got ${item}@${env.now}`);
    });
    env.process(function* () {
      const item: string = yield images.get();
      log.push(`any-waiter got ${item}@${env.now}`);
    });
    images.put("firewall");
    env.timeout(3).addCallback(() => images.put("ids"));
    env.run();
    expect(log).toEqual(["any-waiter got firewall@0", "ids-waiter got ids@3"]);
  });

  it("cancelled gets and puts leave their queues", () => {
    const env = new Environment();
    const store = new Store<number>(env, 1);
    const log: string[] = [];
    const impatient = env.process(function* () {
      const get = store.get((n) => n > 100);
      try {
        yield get;
      } catch (err) {
        get.cancel();
        log.push(`gave up (${(err as Interrupt).cause})@${env.now}`);
      }
    });
    env.process(function* () {
      yield store.put(1); // fills the only slot
      const blocked = store.put(2);
      yield env.timeout(1);
      blocked.cancel();
      log.push(`withdrew put@${env.now}`);
      impatient.interrupt("deadline");
      yield env.timeout(1);
      store.put(500); // would have matched the withdrawn get, but the slot is still taken
      log.push(`items ${store.items.join(",")}`);
    });
    env.run();
    expect(log).toEqual(["withdrew put@1", "gave up (deadline)@1", "items 1"]);
    expect(impatient.processed).toBe(true);
  });

  it("rejects a capacity below 1", () => {
    expect(() => new Store(new Environment(), 0)).toThrow("store capacity must be >= 1, got 0");
  });
});

describe("Container cancellation", () => {
  it("an interrupted get leaves the queue so later gets are served", () => {
    const env = new Environment();
    const memory = new Container(env, 1000, 100); // bytes
    const log: string[] = [];
    const big = env.process(function* () {
      const req = memory.get(800);
      try {
        yield req;
      } catch {
        req.cancel();
        log.push(`big gave up@${env.now}`);
      }
    });
    env.process(function* () {
      yield memory.get(50); // queued behind big: FIFO, no overtaking
      log.push(`small got 50@${env.now}, level ${memory.level}`);
    });
    env.timeout(2).addCallback(() => big.interrupt("timeout"));
    env.run();
    expect(log).toEqual(["big gave up@2", "small got 50@2, level 50"]);
  });
});
