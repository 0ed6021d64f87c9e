import { describe, expect, it } from "vitest";
import { loadScenarioText } from "../load.ts";
import { nameProblems } from "./names.ts";

const BASE = "name: n\ntopology: { type: grid, rows: 1, cols: 2 }\nues: { count: 3 }\n";

function ueMessages(ue: string): string[] {
  const { scenario } = loadScenarioText(BASE, "n.yaml");
  const withChain = { ...scenario, chains: [{ ue, vnfs: ["firewall"], match: {}, priority: 100, at: 0 }] };
  return nameProblems(withChain, { deviceKeys: ["nexcom-cps-200", "nfvi-i7"], scenarioFile: "n.yaml", topologyNodeIds: () => [] }).map((p) => p.message);
}

describe("UE ids", () => {
  it("accepts ue-0 … ue-<count−1>", () => {
    expect(ueMessages("ue-2")).toEqual([]);
  });

  it("suggests the UE a typo most likely meant", () => {
    expect(ueMessages("ue-7")).toEqual(['unknown UE "ue-7" (did you mean "ue-2"?); expected one of ue-0 … ue-2 (ues.count is 3)']);
    expect(ueMessages("UE-1")).toEqual(['unknown UE "UE-1" (did you mean "ue-1"?); expected one of ue-0 … ue-2 (ues.count is 3)']);
    expect(ueMessages("ue1")).toEqual(['unknown UE "ue1" (did you mean "ue-1"?); expected one of ue-0 … ue-2 (ues.count is 3)']);
    expect(ueMessages("phone")).toEqual(['unknown UE "phone"; expected one of ue-0 … ue-2 (ues.count is 3)']);
  });
});
