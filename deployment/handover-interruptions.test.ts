import { describe, expect, it } from "vitest";
import type { ChainState } from "../orchestrator/state.ts";
import { HandoverInterruptions } from "./handover-interruptions.ts";

const chain = (id: string, ue: string, status: ChainState["status"]) => ({ spec: { id, ue, vnfs: [], match: {}, priority: 1 }, status }) as unknown as ChainState;

describe("HandoverInterruptions", () => {
  it("times each steered chain of the UE from the handover until steering at the new access node", () => {
    const chains = [chain("c1", "ue-0", "active"), chain("c2", "ue-0", "active"), chain("c3", "ue-1", "active"), chain("c4", "ue-0", "waiting")];
    const steered = new Set(["c1", "c3", "c4"]);
    const t = new HandoverInterruptions(() => chains, (c) => steered.has(c));
    t.handover("ue-0", "a", "b", 10);
    t.steeringInForce("c1", "a", 10.1); // an old version: still interrupted
    t.handover("ue-0", "b", "c", 11); // a second handover before it is resolved extends it
    t.steeringInForce("c1", "c", 11.5);
    expect(t.tally.count).toBe(1);
    expect(t.tally.mean).toBeCloseTo(1.5, 12);
    t.handover("ue-1", "x", "y", 20);
    const table = t.finish(25);
    expect(table.rows).toEqual([
      [10, "ue-0", "c1", "a", "c", 2, 1500, true],
      [20, "ue-1", "c3", "x", "y", 1, 5000, false],
    ]);
  });
});
