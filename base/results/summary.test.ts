import { describe, expect, it } from "vitest";
import { formatSummaryLines, summarise } from "./summary.ts";

describe("formatSummaryLines", () => {
  const run = (value: number) => ({
    metrics: {
      "latency.meanMs": { value, unit: "ms", description: "one-way flow latency, mean" },
      "traffic.lossRatio": { value: Number.NaN, unit: "ratio", description: "packets dropped / offered (n/a: not measured)" },
    },
    tables: [],
    events: 0,
  });

  it("prints each metric's description, aligned after its value and unit", () => {
    expect(formatSummaryLines(summarise("s", 1, [run(12.3456)]))).toEqual([
      "s: seed 1, 1 replication(s)",
      "  latency.meanMs     12.35 ms  one-way flow latency, mean",
      "  traffic.lossRatio  n/a       packets dropped / offered (n/a: not measured)",
    ]);
  });

  it("prints n/a, never NaN, where summary.json has null — with replications too", () => {
    const summary = summarise("s", 1, [run(1), run(3)]);
    expect(JSON.parse(JSON.stringify(summary)).metrics["traffic.lossRatio"].value).toBeNull();
    const lines = formatSummaryLines(summary);
    expect(lines.join("\n")).not.toContain("NaN");
    expect(lines[1]).toMatch(/^ {2}latency\.meanMs {5}2 ± 12\.71 ms {2}one-way flow latency, mean$/);
    expect(lines[2]).toBe("  traffic.lossRatio  n/a           packets dropped / offered (n/a: not measured)");
  });
});
