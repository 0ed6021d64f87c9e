/**
 * The event heap: a binary min-heap of scheduled events keyed by `(time, order)`, where
 * `order = priority · 2^44 + seq` packs the priority (URGENT 0 before NORMAL 1 at the same time)
 * and the insertion sequence (FIFO among equal time and priority) into one float. Keys live in
 * parallel Float64Arrays so sift operations touch contiguous memory, not event objects.
 *
 * Invariant: for every index i > 0, key(parent(i)) <= key(i). seq < 2^44 (≈ 1.7·10^13 events).
 */
export const PRIORITY_SHIFT = 2 ** 44;

export class EventQueue<T> {
  private times: Float64Array;
  private orders: Float64Array;
  private items: (T | undefined)[];
  private count = 0;
  /** Time key of the item most recently returned by `pop()`. */
  lastPoppedTime = 0;

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(initialCapacity);
    this.orders = new Float64Array(initialCapacity);
    this.items = new Array<T | undefined>(initialCapacity);
  }

  get size(): number {
    return this.count;
  }

  /** Time key of the earliest item; Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? (this.times[0] as number) : Infinity;
  }

  push(item: T, time: number, order: number): void {
    if (this.count === this.times.length) this.grow();
    const times = this.times;
    const orders = this.orders;
    const items = this.items;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < time || (pt === time && (orders[parent] as number) < order)) break;
      times[i] = pt;
      orders[i] = orders[parent] as number;
      items[i] = items[parent];
      i = parent;
    }
    times[i] = time;
    orders[i] = order;
    items[i] = item;
  }

  /** Removes and returns the earliest item (undefined when empty). */
  pop(): T | undefined {
    const n = this.count;
    if (n === 0) return undefined;
    const items = this.items;
    const top = items[0];
    this.lastPoppedTime = this.times[0] as number;
    const last = n - 1;
    this.count = last;
    if (last > 0) {
      const times = this.times;
      const orders = this.orders;
      const time = times[last] as number;
      const order = orders[last] as number;
      const item = items[last];
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= last) break;
        const right = child + 1;
        if (right < last) {
          const ct = times[child] as number;
          const rt = times[right] as number;
          if (rt < ct || (rt === ct && (orders[right] as number) < (orders[child] as number))) child = right;
        }
        const ct = times[child] as number;
        if (time < ct || (time === ct && order < (orders[child] as number))) break;
        times[i] = ct;
        orders[i] = orders[child] as number;
        items[i] = items[child];
        i = child;
      }
      times[i] = time;
      orders[i] = order;
      items[i] = item;
    }
    items[last] = undefined;
    return top;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.times);
    const orders = new Float64Array(capacity);
    orders.set(this.orders);
    this.times = times;
    this.orders = orders;
    this.items.length = capacity;
  }
}
