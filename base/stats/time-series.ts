/** (time, value) samples of one quantity, in time order — a tidy table's rows. */
export class TimeSeries {
  readonly times: number[] = [];
  readonly values: number[] = [];

  constructor(
    readonly name: string,
    readonly unit: string,
  ) {}

  record(time: number, value: number): void {
    const last = this.times[this.times.length - 1];
    if (last !== undefined && time < last) throw new RangeError(`time series ${this.name}: time went backwards (${time} < ${last})`);
    this.times.push(time);
    this.values.push(value);
  }

  get length(): number {
    return this.times.length;
  }
}
