/**
 * A continuous level between 0 and `capacity` — e.g. a host's memory in bytes. `put(amount)`
 * succeeds once the amount fits, `get(amount)` once the level holds it. Waiting puts and gets are
 * served strictly in arrival order (a large waiting request is not overtaken by small ones).
 * Invariant: 0 <= level <= capacity.
 *
 * For hard limits that must fail instead of wait (a container start that does not fit in memory),
 * use `tryGet(amount)`.
 */
import type { Environment } from "../environment.ts";
import { Event } from "../event.ts";
import { Fifo } from "./fifo.ts";

export class ContainerRequest extends Event<number> {
  constructor(
    env: Environment,
    readonly amount: number,
    private readonly container: Container,
  ) {
    super(env);
  }

  /** Withdraws a request that is still waiting (no effect once granted). */
  cancel(): void {
    this.container.withdraw(this);
  }
}

export class Container {
  private currentLevel: number;
  private readonly putQueue = new Fifo<ContainerRequest>();
  private readonly getQueue = new Fifo<ContainerRequest>();

  constructor(
    readonly env: Environment,
    readonly capacity = Infinity,
    init = 0,
  ) {
    if (!(capacity > 0)) throw new RangeError(`container capacity must be > 0, got ${capacity}`);
    if (!(init >= 0 && init <= capacity)) throw new RangeError(`container init must be in [0, ${capacity}], got ${init}`);
    this.currentLevel = init;
  }

  get level(): number {
    return this.currentLevel;
  }

  /** Adds `amount` (> 0) once it fits under the capacity. */
  put(amount: number): ContainerRequest {
    checkAmount(amount, this.capacity);
    const req = new ContainerRequest(this.env, amount, this);
    this.putQueue.push(req);
    this.serve();
    return req;
  }

  /** Takes `amount` (> 0) once the level holds it. */
  get(amount: number): ContainerRequest {
    checkAmount(amount, this.capacity);
    const req = new ContainerRequest(this.env, amount, this);
    this.getQueue.push(req);
    this.serve();
    return req;
  }

  /** Takes `amount` at once if available and nobody is waiting; returns whether it did. */
  tryGet(amount: number): boolean {
    checkAmount(amount, this.capacity);
    if (this.getQueue.length > 0 || amount > this.currentLevel) return false;
    this.currentLevel -= amount;
    this.serve();
    return true;
  }

  /** Adds `amount` at once if it fits and nobody is waiting; returns whether it did. */
  tryPut(amount: number): boolean {
    checkAmount(amount, this.capacity);
    if (this.putQueue.length > 0 || this.currentLevel + amount > this.capacity) return false;
    this.currentLevel += amount;
    this.serve();
    return true;
  }

  /** @internal */
  withdraw(req: ContainerRequest): void {
    this.putQueue.remove(req);
    this.getQueue.remove(req);
    this.serve();
  }

  private serve(): void {
    let progressed = true;
    while (progressed) {
      progressed = false;
      const put = this.putQueue.peek();
      if (put && this.currentLevel + put.amount <= this.capacity) {
        this.putQueue.shift();
        this.currentLevel += put.amount;
        put.succeed(put.amount);
        progressed = true;
      }
      const get = this.getQueue.peek();
      if (get && get.amount <= this.currentLevel) {
        this.getQueue.shift();
        this.currentLevel -= get.amount;
        get.succeed(get.amount);
        progressed = true;
      }
    }
  }
}

function checkAmount(amount: number, capacity: number): void {
  if (!(amount > 0)) throw new RangeError(`amount must be > 0, got ${amount}`);
  if (amount > capacity) throw new RangeError(`amount ${amount} exceeds the capacity ${capacity}: it could never be served`);
}
