import { describe, expect, it } from "vitest";
import type { ManagerEvent } from "../orchestrator/events.ts";
import { Manager } from "../orchestrator/manager.ts";
import { CATALOG, HOSTS, latencyS } from "../orchestrator/test-fixtures.ts";
import { nearestEdge } from "../placement/index.ts";
import { TraceSource } from "../base/trace.ts";
import { CountedPlacer } from "./counted-placer.ts";
import { ManagerRecorder, type FlowSample } from "./manager-recorder.ts";
import { MANAGER_METRICS, MANAGER_TABLES } from "./manager-outputs.ts";

function recorder(): ManagerRecorder {
  const placer = new CountedPlacer(nearestEdge());
  const manager = new Manager({ hosts: HOSTS, catalog: CATALOG, latencyS, placer, config: {} });
  const backend = { eventDelivered: new TraceSource<{ time: number; event: ManagerEvent }>("eventDelivered"), installed: new Map<string, unknown>() };
  return new ManagerRecorder({ manager, backend, placer, latencyBounds: {}, recordsCore: false });
}

const sample = (over: Partial<FlowSample>): FlowSample => ({ ue: "ue-0", flow: 0, access: "edge-1", steered: false, latencyS: 0.01, chainLatencyS: Number.NaN, ...over });

describe("ManagerRecorder: overload and loss", () => {
  it("keeps overloaded samples in the latency statistics and integrates offered and dropped packets between samples", () => {
    const r = recorder();
    r.flowSamples(1, [sample({ latencyS: 0.01, offeredPps: 1000, droppedPps: 0, overloaded: false })]);
    r.flowSamples(2, [sample({ latencyS: 0.1, offeredPps: 1000, droppedPps: 200, overloaded: true })], ["c1.1.ids.1"]);
    // A blocked flow (dropper vNF): no row, no latency, no loss.
    r.flowSamples(4, [sample({ latencyS: 0.02, offeredPps: 1000, droppedPps: 0, overloaded: false }), sample({ flow: 1, latencyS: Number.NaN, chainLatencyS: Number.NaN })]);
    const m = r.metrics(5, { busiestCpuUtilisation: 0 });
    // Rates hold from each sample to the next: 1000 + 2·1000 + 1000 offered over [1, 5), 2·200 dropped.
    expect([m["traffic.droppedPackets"]?.value, m["traffic.lossRatio"]?.value, m["vnfs.overloadedSeconds"]?.value]).toEqual([400, 0.1, 2]);
    expect(m["latency.meanMs"]?.value).toBeCloseTo((10 + 100 + 20) / 3, 12);
    const table = r.tables(5).find((t) => t.name === "ue_latency");
    expect(table?.columns).toEqual(["time_s", "ue", "flow", "access", "chain", "steered", "latency_ms", "chain_latency_ms", "offered_pps", "dropped_pps", "overloaded"]);
    expect(table?.rows).toEqual([
      [1, "ue-0", 0, "edge-1", "", false, 10, null, 1000, 0, false],
      [2, "ue-0", 0, "edge-1", "", false, 100, null, 1000, 200, true],
      [4, "ue-0", 0, "edge-1", "", false, 20, null, 1000, 0, false],
    ]);
  });

  it("leaves the columns empty and the metrics NaN when the world does not measure them (the lab)", () => {
    const r = recorder();
    r.flowSamples(1, [sample({ observedS: [0.01, 0.03], latencyS: 0.02 })]);
    const m = r.metrics(2, { busiestCpuUtilisation: 0 });
    expect([m["traffic.droppedPackets"]?.value, m["traffic.lossRatio"]?.value, m["vnfs.overloadedSeconds"]?.value]).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    expect(r.tables(2).find((t) => t.name === "ue_latency")?.rows).toEqual([[1, "ue-0", 0, "edge-1", "", false, 20, null, null, null, null]]);
  });
});

describe("ManagerRecorder: tables and metrics from the data dictionary", () => {
  it("handovers record the packets the UE sent through the old cell (packets_at_old_cell), as the edge world's do", () => {
    const r = recorder();
    r.handover(6, "ue-0", "edge-1", "edge-2", -60.1234567, 1250);
    const table = r.tables(10).find((t) => t.name === "handovers");
    expect(table?.columns).toEqual(["time_s", "ue", "from", "to", "rssi_dbm", "packets_at_old_cell"]);
    expect(table?.rows).toEqual([[6, "ue-0", "edge-1", "edge-2", -60.123457, 1250]]);
  });

  it("every table it writes and every metric it reports is declared in manager-outputs.ts, with that unit and description", () => {
    const r = recorder();
    const tables = r.tables(1);
    expect(tables.map((t) => [t.name, t.columns])).toEqual(
      MANAGER_TABLES.filter((t) => t.name !== "core_utilisation" && t.name !== "mitigations").map((t) => [t.name, t.columns.map((c) => c.name)]),
    );
    for (const [name, metric] of Object.entries(r.metrics(1, { busiestCpuUtilisation: 0, core: { bytes: 0, meanBps: 0 } }))) {
      const spec = MANAGER_METRICS[name as keyof typeof MANAGER_METRICS];
      expect([metric.unit, metric.description], name).toEqual([spec.unit, spec.description]);
    }
  });
});
