import { describe, expect, it } from "vitest";
import { Environment } from "../environment.ts";
import { ProcessorSharing } from "./processor-sharing.ts";

/** Runs jobs [arrival s, work, maxRate] on `capacity` units and returns each one's completion time. */
function completions(capacity: number, jobs: [number, number, number][]): number[] {
  const env = new Environment();
  const ps = new ProcessorSharing(env, capacity);
  const done: number[] = jobs.map(() => Number.NaN);
  jobs.forEach(([at, work, maxRate], i) => {
    env.process(
      (function* () {
        yield env.timeout(at);
        yield ps.serve(work, maxRate);
        done[i] = env.now;
      })(),
    );
  });
  env.run();
  return done;
}

describe("ProcessorSharing: jobs share the capacity max-min fairly, each capped at its maxRate", () => {
  it("a job alone runs at min(maxRate, capacity)", () => {
    expect(completions(2, [[0, 0.3, 1]])[0]).toBeCloseTo(0.3, 12);
    expect(completions(2, [[0, 0.3, 1.5]])[0]).toBeCloseTo(0.2, 12);
    expect(completions(2, [[0, 0.3, 4]])[0]).toBeCloseTo(0.15, 12);
  });

  it("jobs beyond the capacity share it: 4 jobs of 1 core-s on 2 cores all end at 2 s", () => {
    for (const t of completions(2, [[0, 1, 1], [0, 1, 1], [0, 1, 1], [0, 1, 1]])) expect(t).toBeCloseTo(2, 12);
  });

  it("a job that cannot use its share leaves the rest to the others (water-filling)", () => {
    // capacity 2: job A capped at 0.5, job B at 4 → B gets 1.5. A: 0.5 core-s → 1 s; B: 3 core-s → 1.5 s·… then alone at 2.
    const [a, b] = completions(2, [[0, 0.5, 0.5], [0, 3, 4]]);
    expect(a).toBeCloseTo(1, 12);
    // B did 1.5 core-s in the first second, the remaining 1.5 alone at 2 cores: 0.75 s more.
    expect(b).toBeCloseTo(1.75, 12);
  });

  it("an arrival slows the job in service, and its departure speeds it up again", () => {
    // 1 core: A (1 core-s) alone for 0.5 s, then shares with B (0.2 core-s) until B ends at 0.9, then alone.
    const [a, b] = completions(1, [[0, 1, 1], [0.5, 0.2, 1]]);
    expect(b).toBeCloseTo(0.9, 12);
    expect(a).toBeCloseTo(1.2, 12);
  });

  it("no work is done at once; invalid arguments are refused", () => {
    expect(completions(1, [[0.25, 0, 1]])[0]).toBe(0.25);
    const env = new Environment();
    expect(() => new ProcessorSharing(env, 0)).toThrow(/capacity/);
    const ps = new ProcessorSharing(env, 1);
    expect(() => ps.serve(-1, 1)).toThrow(/work/);
    expect(() => ps.serve(1, 0)).toThrow(/maxRate/);
  });

  it("many staggered jobs keep both cores busy: the makespan is total work / capacity plus idle head and tail", () => {
    const jobs: [number, number, number][] = Array.from({ length: 200 }, (_, i) => [i * 1e-3, 0.05, 1]);
    const done = completions(2, jobs);
    // One core idles during the first 1 ms (one job, capped at 1 core) and at most while the last job runs alone.
    const makespan = Math.max(...done);
    expect(makespan).toBeGreaterThanOrEqual((200 * 0.05) / 2 + 0.001 / 2 - 1e-12);
    expect(makespan).toBeLessThanOrEqual((200 * 0.05) / 2 + 0.001 / 2 + 0.05 / 2);
    expect(done.every((t, i) => t >= (jobs[i] as [number, number, number])[0] + 0.05 - 1e-12)).toBe(true);
  });
});
