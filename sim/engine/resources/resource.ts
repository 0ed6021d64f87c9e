/**
 * Shared resources with a limited number of slots (SimPy's Resource / PriorityResource /
 * PreemptiveResource). A process `yield`s `resource.request()` to get a slot and calls
 * `release(request)` (or `request.cancel()`) when done. A request that is cancelled while waiting
 * leaves the queue; one cancelled after it was granted releases its slot.
 *
 * Queue order: FIFO for `Resource`; for `PriorityResource` by (priority ascending — lower is more
 * important — then request order). Invariant: users.length <= capacity.
 *
 * @example
 *   const cpu = new Resource(env, 2);
 *   function* job() { const req = cpu.request(); yield req; yield env.timeout(1); cpu.release(req); }
 */
import type { Environment } from "../environment.ts";
import { Event } from "../event.ts";
import type { Process } from "../process.ts";
import { Fifo } from "./fifo.ts";

export class Request extends Event<Request> {
  /** @internal insertion sequence, for FIFO among equal priorities. */
  readonly seq: number;
  /** Simulated time the request was made, seconds. */
  readonly requestedAt: number;
  /** Simulated time the slot was granted (NaN until then). */
  grantedAt = Number.NaN;
  /** The process that made the request (null outside a process). */
  readonly owner: Process<unknown> | null;

  constructor(
    readonly resource: Resource,
    /** Lower is more important. */
    readonly priority: number,
    /** May this request preempt a less important user (PreemptiveResource only)? */
    readonly preempt: boolean,
    seq: number,
  ) {
    super(resource.env);
    this.seq = seq;
    this.requestedAt = resource.env.now;
    this.owner = resource.env.activeProcess;
  }

  /** Leaves the queue, or releases the slot if already granted. Idempotent. */
  cancel(): void {
    this.resource.release(this);
  }
}

/** Cause of the Interrupt a preempted user's process receives. */
export class Preempted {
  constructor(
    /** The request that took the slot. */
    readonly by: Request,
    /** When the preempted user had been granted its slot, seconds. */
    readonly usageSince: number,
  ) {}
}

export class Resource {
  /** Requests holding a slot, in the order they were granted. */
  readonly users: Request[] = [];
  /** Requests waiting, in service order. */
  readonly queue = new Fifo<Request>();
  private seq = 0;

  constructor(
    readonly env: Environment,
    readonly capacity = 1,
  ) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new RangeError(`resource capacity must be an integer >= 1, got ${capacity}`);
  }

  /** Slots in use. */
  get count(): number {
    return this.users.length;
  }

  /** Asks for a slot; the returned event succeeds when it is granted. */
  request(priority = 0, preempt = false): Request {
    const req = new Request(this, priority, preempt, this.seq++);
    this.enqueue(req);
    this.grant();
    return req;
  }

  /** Gives the slot back (or withdraws a waiting request). */
  release(req: Request): void {
    const u = this.users.indexOf(req);
    if (u >= 0) {
      this.users.splice(u, 1);
      this.grant();
      return;
    }
    this.queue.remove(req);
  }

  /** @internal Where a new request goes in the queue. */
  protected enqueue(req: Request): void {
    this.queue.push(req);
  }

  /** @internal Grants slots to queued requests while capacity allows. */
  protected grant(): void {
    while (this.users.length < this.capacity && this.queue.length > 0) {
      const next = this.queue.shift() as Request;
      next.grantedAt = this.env.now;
      this.users.push(next);
      next.succeed(next);
    }
  }
}

/** A resource whose queue is ordered by priority (lower first), then request order. */
export class PriorityResource extends Resource {
  protected override enqueue(req: Request): void {
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = this.queue.at(mid) as Request;
      if (other.priority < req.priority || (other.priority === req.priority && other.seq < req.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.queue.insertAt(lo, req);
  }
}

/**
 * A priority resource where a request with `preempt = true` takes the slot of the least important
 * user whose priority is strictly worse (higher number); that user's process gets
 * `Interrupt(new Preempted(by, usageSince))`.
 */
export class PreemptiveResource extends PriorityResource {
  override request(priority = 0, preempt = true): Request {
    if (preempt && this.users.length >= this.capacity) {
      let victim: Request | undefined;
      for (const user of this.users) {
        if (user.priority > priority && (!victim || user.priority > victim.priority || (user.priority === victim.priority && user.seq > victim.seq))) {
          victim = user;
        }
      }
      if (victim) {
        this.users.splice(this.users.indexOf(victim), 1);
        const req = super.request(priority, preempt);
        if (victim.owner?.isAlive) victim.owner.interrupt(new Preempted(req, victim.grantedAt));
        return req;
      }
    }
    return super.request(priority, preempt);
  }
}
