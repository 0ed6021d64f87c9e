/** A count of occurrences (handovers, migrations, dropped packets…). */
export class Counter {
  private total = 0;

  constructor(readonly name: string) {}

  add(n = 1): void {
    this.total += n;
  }

  get value(): number {
    return this.total;
  }
}
