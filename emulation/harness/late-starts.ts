/**
 * A deadline for vNF starts where failures are the measurement (a small device running out of
 * memory): under memory pressure and a CPU quota, `docker start` can take minutes (runc's init
 * thrashing in reclaim, throttled), and waiting for it would stall the whole measurement. A start
 * past its deadline counts as failed at once; its promise is kept, and `settle()` — called after
 * the measurement has removed its other vNFs, which frees the memory the late ones wait for —
 * waits (bounded) for them and removes every one that came up. Anything still pending after that
 * is left to the bed's teardown and the device cgroup's sweep (`DeviceCgroup.removeContainers`).
 */
import type { ContainerVnf } from "../vnf/container-vnf.ts";

export class LateStarts {
  private readonly pending: Promise<ContainerVnf | undefined>[] = [];

  constructor(
    /** Deadline of one start (create, start, attach, ready line), ms. */
    readonly deadlineMs: number,
  ) {}

  /** `start`, or a rejection once `deadlineMs` has passed (the start goes on, and is settled later). */
  run(start: Promise<ContainerVnf>): Promise<ContainerVnf> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        this.pending.push(start.then((v) => v, () => undefined));
        reject(new Error(`the start did not finish within ${this.deadlineMs / 1000} s (the device is thrashing)`));
      }, this.deadlineMs);
    });
    return Promise.race([start, deadline]).finally(() => clearTimeout(timer));
  }

  /** Starts that outlived their deadline. */
  get count(): number {
    return this.pending.length;
  }

  /** Waits up to `capMs` for the late starts and removes those that came up; resolves with how many are still pending. */
  async settle(capMs = 60_000): Promise<number> {
    let left = this.pending.length;
    const each = this.pending.map((p) =>
      p.then(async (v) => {
        await v?.remove().catch(() => undefined);
        left--;
      }),
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(each), new Promise((r) => (timer = setTimeout(r, capMs)))]);
    clearTimeout(timer);
    return left;
  }
}
