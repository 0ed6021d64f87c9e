import { describe, expect, it } from "vitest";
import { columnNames, defineMetrics, defineTable, dictionaryMarkdown, dictionaryText, findMetricSpec, metricFilled, metricNamePattern, metricOf, tableRecorder } from "./data-dictionary.ts";

const T = defineTable("handovers", "one row per handover", [
  ["time_s", "s", "when"],
  ["ue", "text", "the UE | its id"],
]);
const M = defineMetrics({ "ues.handovers": ["count", "handovers"], "instantiation.<host>.ready": ["count", "vNFs started on <host>"] });

describe("data dictionary specs", () => {
  it("a recorder built from a spec has its columns, in order", () => {
    expect(columnNames(T)).toEqual(["time_s", "ue"]);
    const r = tableRecorder(T);
    r.add([1, "ue-0"]);
    expect(r.toTable()).toEqual({ name: "handovers", columns: ["time_s", "ue"], rows: [[1, "ue-0"]] });
  });

  it("refuses a column without a unit or description, or declared twice", () => {
    expect(() => defineTable("t", "x", [["a", "s", " "]])).toThrow("table t: column a needs a unit and a description");
    expect(() => defineTable("t", "x", [["a", "", "what"]])).toThrow("table t: column a needs a unit and a description");
    expect(() => defineTable("t", "x", [["a", "s", "one"], ["a", "s", "two"]])).toThrow("table t: column a declared twice");
    expect(() => defineMetrics({ m: ["count", ""] })).toThrow("metric m needs a unit and a description");
  });

  it("metrics carry their spec's unit and description; placeholders are filled in name and text", () => {
    expect(metricOf(M["ues.handovers"], 3)).toEqual({ value: 3, unit: "count", description: "handovers" });
    expect(metricFilled(M["instantiation.<host>.ready"], { host: "rpi" }, 5)).toEqual(["instantiation.rpi.ready", { value: 5, unit: "count", description: "vNFs started on rpi" }]);
  });

  it("finds the spec of a concrete metric name, exact names first, placeholders matching one or more characters", () => {
    expect(metricNamePattern("rtt.p50Ms.<n>").test("rtt.p50Ms.3")).toBe(true);
    expect(metricNamePattern("rtt.p50Ms.<n>").test("rtt.p50Ms.")).toBe(false);
    expect(metricNamePattern("a.b").test("aXb")).toBe(false);
    const specs = Object.values(M);
    expect(findMetricSpec(specs, "instantiation.edge-1.ready")?.name).toBe("instantiation.<host>.ready");
    expect(findMetricSpec(specs, "ues.handovers")?.name).toBe("ues.handovers");
    expect(findMetricSpec(specs, "ues.handoverz")).toBeUndefined();
  });

  it("prints Markdown (pipes escaped) and aligned text", () => {
    const sections = [{ title: "Runs", about: "about them", tables: [T], metrics: [M["ues.handovers"]] }];
    expect(dictionaryMarkdown(sections)).toBe(
      ["### Runs", "", "about them", "", "#### `handovers.csv`", "", "one row per handover", "", "| column | unit | meaning |", "|---|---|---|", "| `time_s` | s | when |", "| `ue` | — | the UE \\| its id |", "", "| metric | unit | meaning |", "|---|---|---|", "| `ues.handovers` | count | handovers |", ""].join("\n"),
    );
    expect(dictionaryText(sections)).toBe(["== Runs", "   about them", "", "handovers.csv — one row per handover", "  time_s  s  when", "  ue      —  the UE | its id", "", "summary metrics:", "  ues.handovers  count  handovers", ""].join("\n"));
  });
});
