/**
 * The event heap: a binary min-heap of scheduled events keyed by `(time, order)`, where
 * `order = priority · 2^44 + seq` packs the priority (URGENT 0 before NORMAL 1 at the same time)
 * and the insertion sequence (FIFO among equal time and priority) into one float.
 *
 * Layout (the hot path of the whole simulator): keys live in parallel Float64Arrays and the heap
 * moves only int32 *handles* (an Int32Array); each item sits still in a slot table indexed by its
 * handle, written once on push and cleared once on pop. Moving object pointers along a sift path
 * would pay V8's write barrier at every level (measured: 3× the instructions per push + pop);
 * moving ints and floats in typed arrays does not. Freed handles are reused last-in first-out, so
 * the slot a push writes is usually still in cache.
 *
 * Invariant: for every heap index i > 0, key(parent(i)) <= key(i). seq < 2^44 (≈ 1.7·10^13 events).
 */
export const PRIORITY_SHIFT = 2 ** 44;

export class EventQueue<T> {
  /** Heap-ordered time keys (seconds). */
  private times: Float64Array;
  /** Heap-ordered tie-break keys (priority · 2^44 + seq). */
  private orders: Float64Array;
  /** Heap-ordered handles into `slots`. */
  private handles: Int32Array;
  /** Items by handle; undefined for free handles. */
  private readonly slots: (T | undefined)[] = [];
  /** Stack of free handles (the first `freeCount` entries). */
  private freeHandles: Int32Array;
  private freeCount = 0;
  private count = 0;
  /** Time key of the item most recently returned by `pop()`. */
  lastPoppedTime = 0;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(1, initialCapacity);
    this.times = new Float64Array(capacity);
    this.orders = new Float64Array(capacity);
    this.handles = new Int32Array(capacity);
    this.freeHandles = new Int32Array(capacity);
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
    let handle: number;
    if (this.freeCount > 0) {
      handle = this.freeHandles[--this.freeCount] as number;
      this.slots[handle] = item;
    } else {
      handle = this.slots.length;
      this.slots.push(item);
    }
    const times = this.times;
    const orders = this.orders;
    const handles = this.handles;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < time || (pt === time && (orders[parent] as number) < order)) break;
      times[i] = pt;
      orders[i] = orders[parent] as number;
      handles[i] = handles[parent] as number;
      i = parent;
    }
    times[i] = time;
    orders[i] = order;
    handles[i] = handle;
  }

  /** Removes and returns the earliest item (undefined when empty). */
  pop(): T | undefined {
    const n = this.count;
    if (n === 0) return undefined;
    const times = this.times;
    const handles = this.handles;
    const topHandle = handles[0] as number;
    const top = this.slots[topHandle];
    this.slots[topHandle] = undefined;
    this.freeHandles[this.freeCount++] = topHandle;
    this.lastPoppedTime = times[0] as number;
    const last = n - 1;
    this.count = last;
    if (last > 0) {
      const orders = this.orders;
      const time = times[last] as number;
      const order = orders[last] as number;
      const handle = handles[last] as number;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= last) break;
        let ct = times[child] as number;
        const right = child + 1;
        if (right < last) {
          const rt = times[right] as number;
          if (rt < ct || (rt === ct && (orders[right] as number) < (orders[child] as number))) {
            child = right;
            ct = rt;
          }
        }
        if (time < ct || (time === ct && order < (orders[child] as number))) break;
        times[i] = ct;
        orders[i] = orders[child] as number;
        handles[i] = handles[child] as number;
        i = child;
      }
      times[i] = time;
      orders[i] = order;
      handles[i] = handle;
    }
    return top;
  }

  /** Doubles the capacity of the heap arrays (the slot table grows by itself). */
  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.times);
    const orders = new Float64Array(capacity);
    orders.set(this.orders);
    const handles = new Int32Array(capacity);
    handles.set(this.handles);
    const freeHandles = new Int32Array(capacity);
    freeHandles.set(this.freeHandles);
    this.times = times;
    this.orders = orders;
    this.handles = handles;
    this.freeHandles = freeHandles;
  }
}
