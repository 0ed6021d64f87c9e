/**
 * A FIFO queue over an array with a moving head: O(1) amortised `shift`, so a resource with
 * 100,000 waiting requests does not pay O(n) per grant. Compacts when the dead prefix grows.
 */
export class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** The first item, or undefined. */
  peek(): T | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined;
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head] as T;
    (this.items as (T | undefined)[])[this.head] = undefined;
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    } else if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    }
    return item;
  }

  /** Item at position i from the head. */
  at(i: number): T | undefined {
    return this.items[this.head + i];
  }

  /** Inserts at position i from the head (0 = front). */
  insertAt(i: number, item: T): void {
    this.items.splice(this.head + i, 0, item);
  }

  /** Removes the first occurrence of `item`; returns whether it was there. */
  remove(item: T): boolean {
    const i = this.items.indexOf(item, this.head);
    if (i < 0) return false;
    this.items.splice(i, 1);
    return true;
  }

  toArray(): T[] {
    return this.items.slice(this.head);
  }
}
