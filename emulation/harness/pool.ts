/**
 * Runs `task(0) … task(count − 1)` with at most `parallelism` running at once, in index order of
 * starting; resolves with the results by index. The first failure rejects once running tasks
 * have settled (no task starts after a failure).
 */
export async function runPool<T>(count: number, parallelism: number, task: (i: number) => Promise<T>): Promise<T[]> {
  if (!(Number.isInteger(parallelism) && parallelism >= 1)) throw new RangeError(`parallelism must be a positive integer, got ${parallelism}`);
  const results: T[] = new Array<T>(count);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (next < count && failure === undefined) {
      const i = next++;
      try {
        results[i] = await task(i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelism, count) }, worker));
  if (failure) throw failure.error;
  return results;
}

/** Monotonic clock, ms (CLOCK_MONOTONIC, the probe agents' clock too). */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
