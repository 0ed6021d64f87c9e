import { describe, expect, it } from "vitest";
import { RandomStream } from "../../base/rng.ts";
import { replacementConfigSchema } from "../config.ts";
import {
  advanceState,
  alwaysPolicy,
  binomialPmf,
  createReplacementPolicy,
  INITIAL_REPLACEMENT_STATE,
  ostPolicy,
  ostThreshold,
  periodicPolicy,
  policyTrigger,
  staticPolicy,
  type ReplacementPolicy,
  type SlotObservation,
} from "./index.ts";

describe("binomialPmf", () => {
  it("matches the closed form and sums to 1", () => {
    const pmf = [...binomialPmf(4, 0.25)];
    const exact = [81 / 256, 108 / 256, 54 / 256, 12 / 256, 1 / 256];
    pmf.forEach((p, k) => expect(p).toBeCloseTo(exact[k] as number, 14));
    expect(binomialPmf(2000, 0.3).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect([...binomialPmf(3, 0)]).toEqual([1, 0, 0, 0]);
    expect([...binomialPmf(3, 1)]).toEqual([0, 0, 0, 1]);
    expect(() => binomialPmf(3, 1.5)).toThrow("binomialPmf: p must be in [0, 1], got 1.5");
  });
});

describe("ostThreshold (1-sla rule)", () => {
  it("matches the hand computation for Θ = 10, V ~ Bin(20, 0.05)", () => {
    // x = 8: 8 · P(V > 2) = 8 · 0.0755 = 0.60 < E[V; V ≤ 2] = 0.377 + 2 · 0.189 = 0.755 → continue.
    // x = 9: 9 · P(V > 1) = 9 · 0.264 = 2.38 ≥ E[V; V ≤ 1] = 0.377 → stop.
    expect(ostThreshold(10, binomialPmf(20, 0.05))).toBe(9);
  });

  it("falls as violations become likelier and stays at Θ when they never happen", () => {
    const thresholds = [0, 0.01, 0.05, 0.1, 0.2, 0.5].map((p) => ostThreshold(20, binomialPmf(20, p)));
    expect(thresholds).toEqual([20, 19, 18, 17, 15, 11]);
    expect(ostThreshold(1, binomialPmf(5, 0.1))).toBe(1);
  });

  it("its stopping set is closed: once x stops, every larger x stops (monotone problem)", () => {
    for (const p of [0.02, 0.1, 0.3]) {
      const pmf = binomialPmf(12, p);
      const theta = 15;
      const stops = (x: number): boolean => {
        let atMost = 0;
        let mean = 0;
        for (let k = 0; k <= theta - x; k++) {
          atMost += pmf[k] ?? 0;
          mean += k * (pmf[k] ?? 0);
        }
        return x * (1 - atMost) >= mean;
      };
      const threshold = ostThreshold(theta, pmf);
      for (let x = 1; x <= theta; x++) expect(stops(x)).toBe(x >= threshold);
    }
  });

  it("rejects a non-integer or zero tolerance", () => {
    expect(() => ostThreshold(0, [1])).toThrow("ost: toleratedViolations must be an integer ≥ 1, got 0");
    expect(() => ostPolicy({ toleratedViolations: 2.5 })).toThrow("got 2.5");
  });
});

const obs = (latenciesMs: number[], boundMs = 2): SlotObservation[] => latenciesMs.map((l, i) => ({ vnf: `v${i}`, latencyS: l / 1000, boundS: boundMs / 1000 }));

describe("policies", () => {
  it("static never, always every slot, periodic every k slots", () => {
    let state = INITIAL_REPLACEMENT_STATE;
    const periodic = periodicPolicy(3);
    const decisions: boolean[] = [];
    for (let t = 0; t < 7; t++) {
      const d = periodic.decide(state, obs([1]));
      decisions.push(d.replace);
      state = advanceState(state, obs([1]), d);
    }
    expect(decisions).toEqual([false, false, true, false, false, true, false]);
    expect(staticPolicy().decide(state, obs([9, 9])).replace).toBe(false);
    expect(alwaysPolicy().decide(state, [])).toEqual({ replace: true, reason: "always policy: re-places every slot" });
    expect(() => periodicPolicy(0)).toThrow("periodic policy: periodSlots must be an integer ≥ 1, got 0");
  });

  it("advanceState counts violations (strictly above the bound) and resets on re-placement", () => {
    const s1 = advanceState(INITIAL_REPLACEMENT_STATE, obs([1, 2, 3, 4]), { replace: false, reason: "" });
    expect(s1).toEqual({ slot: 1, slotsSinceReplacement: 1, violationsSinceReplacement: 2, samplesTotal: 4, violationsTotal: 2 });
    expect(advanceState(s1, obs([3]), { replace: true, reason: "" })).toEqual({ slot: 2, slotsSinceReplacement: 0, violationsSinceReplacement: 0, samplesTotal: 5, violationsTotal: 3 });
  });

  it("ost re-places when the count reaches the threshold, with the numbers in its reason", () => {
    const ost = ostPolicy({ toleratedViolations: 10, violationProbability: 0.05 });
    const state = { ...INITIAL_REPLACEMENT_STATE, violationsSinceReplacement: 7, slot: 5, slotsSinceReplacement: 5 };
    const twenty = (violating: number): SlotObservation[] => obs(Array.from({ length: 20 }, (_, i) => (i < violating ? 3 : 1)));
    expect(ost.decide(state, twenty(1))).toEqual({ replace: false, reason: "ost: 8 violations since the last re-placement < threshold 9 of tolerated 10, p = 0.0500, n = 20" });
    expect(ost.decide(state, twenty(2))).toEqual({ replace: true, reason: "ost: 9 violations since the last re-placement ≥ threshold 9 of tolerated 10, p = 0.0500, n = 20" });
  });

  it("ost estimates p from all samples when none is given", () => {
    const ost = ostPolicy({ toleratedViolations: 20 });
    const state = { ...INITIAL_REPLACEMENT_STATE, samplesTotal: 180, violationsTotal: 16, violationsSinceReplacement: 15 };
    // p = (16 + 2) / (180 + 20) = 0.09 → threshold for Bin(20, 0.09) and Θ = 20.
    const d = ost.decide(state, obs(Array.from({ length: 20 }, (_, i) => (i < 2 ? 3 : 1))));
    expect(ostThreshold(20, binomialPmf(20, 0.09))).toBe(17);
    expect(d.reason).toBe("ost: 17 violations since the last re-placement ≥ threshold 17 of tolerated 20, p = 0.0900, n = 20");
    expect(d.replace).toBe(true);
  });

  it("are built from the scenario configuration", () => {
    expect(createReplacementPolicy(replacementConfigSchema.parse({ policy: "periodic", periodSlots: 4 })).name).toBe("periodic");
    expect(createReplacementPolicy(replacementConfigSchema.parse({ policy: "ost" })).decide(INITIAL_REPLACEMENT_STATE, obs([1])).reason).toBe("ost: 0 violations since the last re-placement < threshold 10 of tolerated 10, p = 0.0000, n = 1");
  });
});

/**
 * Slot simulation: n UEs each served by one vNF. Every slot each UE moves one cell further from
 * its vNF with probability `moveProbability`; its latency is 0.5 ms + 0.6 ms per cell away +
 * exponential jitter (mean 0.3 ms), against a 2 ms bound. A re-placement migrates every vNF whose
 * UE has moved (its distance returns to 0).
 */
function simulate(policy: ReplacementPolicy, seed: string, slots = 400, n = 20, moveProbability = 0.02): { replacements: number; migrations: number; violations: number } {
  const rng = new RandomStream(seed);
  const distance = new Array<number>(n).fill(0);
  let state = INITIAL_REPLACEMENT_STATE;
  let replacements = 0;
  let migrations = 0;
  let violations = 0;
  for (let t = 0; t < slots; t++) {
    for (let i = 0; i < n; i++) if (rng.random() < moveProbability) distance[i] = (distance[i] as number) + 1;
    const observations = distance.map((d, i) => ({ vnf: `v${i}`, latencyS: (0.5 + 0.6 * d + rng.exponential(0.3)) / 1000, boundS: 2e-3 }));
    violations += observations.filter((o) => o.latencyS > o.boundS).length;
    const decision = policy.decide(state, observations);
    state = advanceState(state, observations, decision);
    if (decision.replace) {
      replacements++;
      migrations += distance.filter((d) => d > 0).length;
      distance.fill(0);
    }
  }
  return { replacements, migrations, violations };
}

describe("slot simulation comparing policies (seeded, exact)", () => {
  const run = (policy: ReplacementPolicy) => simulate(policy, "dynamic/compare");
  it("trades migrations against violations", () => {
    const results = {
      static: run(staticPolicy()),
      always: run(alwaysPolicy()),
      periodic: run(periodicPolicy(25)),
      ost: run(ostPolicy({ toleratedViolations: 10 })),
    };
    expect(results).toEqual({
      static: { replacements: 0, migrations: 0, violations: 5579 },
      always: { replacements: 400, migrations: 167, violations: 63 },
      periodic: { replacements: 16, migrations: 130, violations: 236 },
      ost: { replacements: 17, migrations: 134, violations: 163 },
    });
    // About as many re-placements as periodic, but timed by the violations: fewer of them.
    expect(results.ost.violations).toBeLessThan(results.periodic.violations);
    expect(results.ost.migrations).toBeLessThan(results.always.migrations);
  });

  it("is deterministic for a seed", () => {
    expect(simulate(ostPolicy({ toleratedViolations: 10 }), "again")).toEqual(simulate(ostPolicy({ toleratedViolations: 10 }), "again"));
  });
});

describe("policyTrigger (the Manager's per-chain trigger)", () => {
  it("counts each chain's violations separately and restarts after replaced()", () => {
    const trigger = policyTrigger(ostPolicy({ toleratedViolations: 2, violationProbability: 0.5 }));
    const sample = (chain: string, ms: number) => ({ chain, latencyS: ms / 1000, boundS: 2e-3 });
    expect(trigger.observe(sample("a", 3), 0)).toBe(false);
    expect(trigger.observe(sample("b", 3), 0)).toBe(false);
    expect(trigger.observe(sample("a", 3), 1)).toBe(true);
    expect(trigger.lastReason("a")).toBe("ost: 2 violations since the last re-placement ≥ threshold 2 of tolerated 2, p = 0.5000, n = 1");
    trigger.replaced("a", 1);
    expect(trigger.observe(sample("a", 1), 2)).toBe(false);
    expect(trigger.observe({ chain: "c", latencyS: 1 }, 2)).toBe(false);
  });
});
