import { describe, expect, it } from "vitest";
import { TableRecorder, TraceSource } from "./trace.ts";

interface Handover {
  time: number;
  ue: string;
  from: string;
  to: string;
}

describe("TraceSource", () => {
  it("is inactive without listeners and emits to listeners in subscription order", () => {
    const source = new TraceSource<number>("memoryUsed");
    expect(source.name).toBe("memoryUsed");
    expect(source.active).toBe(false);
    source.emit(1); // nobody listens: no effect, no error
    const seen: string[] = [];
    const offA = source.subscribe((v) => seen.push(`a${v}`));
    source.subscribe((v) => seen.push(`b${v}`));
    expect(source.active).toBe(true);
    source.emit(2);
    offA();
    source.emit(3);
    expect(seen).toEqual(["a2", "b2", "b3"]);
  });

  it("unsubscribing inside a listener does not skip the other listeners of that emit", () => {
    const source = new TraceSource<number>("x");
    const seen: string[] = [];
    const off = source.subscribe(() => {
      seen.push("once");
      off();
    });
    source.subscribe((v) => seen.push(`always${v}`));
    source.emit(1);
    source.emit(2);
    expect(seen).toEqual(["once", "always1", "always2"]);
    expect(source.active).toBe(true);
  });

  it("a listener unsubscribed by another during an emit is not called again, not even for that record; a second unsubscribe does nothing", () => {
    const source = new TraceSource<number>("x");
    const seen: string[] = [];
    let offB: () => void = () => undefined;
    source.subscribe((v) => {
      seen.push(`a${v}`);
      if (v === 1) offB();
    });
    offB = source.subscribe((v) => seen.push(`b${v}`));
    const offC = source.subscribe((v) => seen.push(`c${v}`));
    source.emit(1);
    offB();
    source.emit(2);
    offC();
    offC();
    source.emit(3);
    expect(seen).toEqual(["a1", "c1", "a2", "c2", "a3"]);
  });
});

describe("TableRecorder", () => {
  it("turns trace records into tidy rows", () => {
    const handover = new TraceSource<Handover>("ueHandover");
    const table = new TableRecorder("handovers", ["time", "ue", "from", "to"]).record(handover, (r) => [r.time, r.ue, r.from, r.to]);
    handover.emit({ time: 1.5, ue: "ue-1", from: "ap-1", to: "ap-2" });
    handover.emit({ time: 4, ue: "ue-2", from: "ap-2", to: "ap-3" });
    expect(table.toTable()).toEqual({
      name: "handovers",
      columns: ["time", "ue", "from", "to"],
      rows: [
        [1.5, "ue-1", "ap-1", "ap-2"],
        [4, "ue-2", "ap-2", "ap-3"],
      ],
    });
  });

  it("rejects a row whose width differs from the columns", () => {
    const table = new TableRecorder("t", ["a", "b"]);
    expect(() => table.add([1])).toThrow("t: row of 1 cells for 2 columns");
  });
});
