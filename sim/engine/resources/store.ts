/**
 * A store of discrete items (e.g. container images cached on a device), at most `capacity` of
 * them. `put(item)` succeeds once there is room; `get(filter?)` once an item matching the filter
 * is there (items are taken in FIFO order among matches). Waiting puts are served in order;
 * a waiting get with a filter never blocks later gets whose filters do match.
 */
import type { Environment } from "../environment.ts";
import { Event } from "../event.ts";

export class StorePut<T> extends Event<T> {
  constructor(
    env: Environment,
    readonly item: T,
    private readonly store: Store<T>,
  ) {
    super(env);
  }

  /** Withdraws a put that is still waiting for room (no effect once the item is stored). */
  cancel(): void {
    this.store.withdraw(this);
  }
}

export class StoreGet<T> extends Event<T> {
  constructor(
    env: Environment,
    readonly filter: (item: T) => boolean,
    private readonly store: Store<T>,
  ) {
    super(env);
  }

  /** Withdraws a waiting get. */
  cancel(): void {
    this.store.withdraw(this);
  }
}

export class Store<T> {
  /** Items in the store, oldest first. */
  readonly items: T[] = [];
  private readonly putQueue: StorePut<T>[] = [];
  private readonly getQueue: StoreGet<T>[] = [];

  constructor(
    readonly env: Environment,
    readonly capacity = Infinity,
  ) {
    if (!(capacity >= 1)) throw new RangeError(`store capacity must be >= 1, got ${capacity}`);
  }

  put(item: T): StorePut<T> {
    const req = new StorePut(this.env, item, this);
    this.putQueue.push(req);
    this.serve();
    return req;
  }

  get(filter: (item: T) => boolean = () => true): StoreGet<T> {
    const req = new StoreGet(this.env, filter, this);
    this.getQueue.push(req);
    this.serve();
    return req;
  }

  /** True if an item matching `filter` is in the store now. */
  has(filter: (item: T) => boolean): boolean {
    return this.items.some(filter);
  }

  /** @internal Removes a waiting put or get from its queue. */
  withdraw(req: StorePut<T> | StoreGet<T>): void {
    const queue: Event<T>[] = req instanceof StorePut ? this.putQueue : this.getQueue;
    const i = queue.indexOf(req);
    if (i >= 0) queue.splice(i, 1);
  }

  private serve(): void {
    let progressed = true;
    while (progressed) {
      progressed = false;
      while (this.putQueue.length > 0 && this.items.length < this.capacity) {
        const put = this.putQueue.shift() as StorePut<T>;
        this.items.push(put.item);
        put.succeed(put.item);
        progressed = true;
      }
      for (let g = 0; g < this.getQueue.length; g++) {
        const get = this.getQueue[g] as StoreGet<T>;
        const index = this.items.findIndex(get.filter);
        if (index < 0) continue;
        const [item] = this.items.splice(index, 1);
        this.getQueue.splice(g, 1);
        g--;
        get.succeed(item as T);
        progressed = true;
      }
    }
  }
}
