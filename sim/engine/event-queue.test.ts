import { describe, expect, it } from "vitest";
import { EventQueue, PRIORITY_SHIFT } from "./event-queue.ts";
import { RngStreams } from "../../base/rng.ts";

interface Entry {
  time: number;
  priority: number;
  seq: number;
}

describe("EventQueue", () => {
  it("always pops the least (time, priority, seq) of what it holds, with many ties", () => {
    const rng = new RngStreams(11).stream("queue");
    const queue = new EventQueue<Entry>(4); // tiny initial capacity: exercises growth
    const live: Entry[] = []; // the oracle: a plain list, searched linearly for its least entry
    const less = (a: Entry, b: Entry) => a.time < b.time || (a.time === b.time && (a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq)));
    const popBoth = () => {
      let best = 0;
      for (let k = 1; k < live.length; k++) if (less(live[k] as Entry, live[best] as Entry)) best = k;
      const expected = live.splice(best, 1)[0] as Entry;
      const got = queue.pop() as Entry;
      expect(got).toBe(expected);
      expect(queue.lastPoppedTime).toBe(expected.time);
      return got;
    };
    let seq = 0;
    let now = 0;
    let pops = 0;
    for (let i = 0; i < 3000; i++) {
      // Integer delays 0..5 and two priorities: lots of exact ties in time and priority.
      const entry = { time: now + rng.integer(0, 5), priority: rng.integer(0, 1), seq: seq++ };
      queue.push(entry, entry.time, entry.priority * PRIORITY_SHIFT + entry.seq);
      live.push(entry);
      if (rng.random() < 0.45) {
        now = popBoth().time;
        pops++;
      }
    }
    expect(queue.size).toBe(3000 - pops);
    while (live.length > 0) popBoth();
    expect(queue.size).toBe(0);
    expect(queue.pop()).toBeUndefined();
    expect(queue.peekTime()).toBe(Infinity);
  });

  it("drains a batch in exactly the order of a full sort", () => {
    const rng = new RngStreams(5).stream("batch");
    const queue = new EventQueue<Entry>();
    const entries: Entry[] = [];
    for (let seq = 0; seq < 2000; seq++) {
      const entry = { time: rng.integer(0, 20) / 4, priority: rng.integer(0, 1), seq };
      entries.push(entry);
      queue.push(entry, entry.time, entry.priority * PRIORITY_SHIFT + seq);
    }
    const expected = [...entries].sort((a, b) => a.time - b.time || a.priority - b.priority || a.seq - b.seq);
    const drained: Entry[] = [];
    while (queue.size > 0) drained.push(queue.pop() as Entry);
    expect(drained).toEqual(expected);
  });
});
