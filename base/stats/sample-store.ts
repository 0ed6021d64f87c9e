/**
 * Where a `Tally` keeps its observations for exact percentiles. `InMemorySamples` holds them in an
 * array (sorted once when asked). `SpillingSamples` holds up to `memoryLimit` values in memory and
 * then appends every value to a binary file (float64, native byte order) in buffered blocks; its
 * order statistics come from an exact radix selection over the file (four sequential reads, 16 bits
 * of the value's order-preserving 64-bit key per read), so memory stays bounded by the block size
 * and two 65,536-entry histograms however many values there are.
 *
 * Both give the same order statistics for the same values (exact, not estimated), so a tally's
 * percentiles do not depend on where its samples are kept. Values are compared as numbers; −0 and
 * +0 are equal (either may be returned), NaN is not supported (latencies and durations are finite).
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import type { SampleStore } from "../tables.ts";

export type { SampleStore };

/** All values in an array; sorted in place when order statistics are asked for. */
export class InMemorySamples implements SampleStore {
  private readonly values: number[] = [];
  private sorted = true;

  push(x: number): void {
    if (this.values.length > 0 && x < (this.values[this.values.length - 1] as number)) this.sorted = false;
    this.values.push(x);
  }

  get count(): number {
    return this.values.length;
  }

  orderStatistics(ranks: readonly number[]): number[] {
    if (!this.sorted) {
      this.values.sort((a, b) => a - b);
      this.sorted = true;
    }
    return ranks.map((k) => checkedRank(k, this.values.length) && (this.values[k] as number));
  }

  /** The values, in the order added (or sorted, once order statistics were asked for). */
  all(): readonly number[] {
    return this.values;
  }
}

/** Most values per block written to (or read from) a spill file: 64 Ki values, 512 KiB. */
const MAX_BLOCK_VALUES = 1 << 16;
/** Fewest values per block: 1 Ki values, 8 KiB. */
const MIN_BLOCK_VALUES = 1 << 10;

/**
 * Values in memory up to `memoryLimit`, then in the file at `path` (created on the first spill,
 * removed by `dispose`). Exact order statistics either way. The file is opened only to append a
 * block or to read it back (no descriptor held), and the block buffer exists only once spilled, so
 * thousands of small stores (one per UE) cost little: at most `memoryLimit` values each before the
 * spill, one block (between 1 Ki and 64 Ki values, about `memoryLimit`) after.
 */
export class SpillingSamples implements SampleStore {
  private memory: InMemorySamples | undefined = new InMemorySamples();
  private block: Float64Array | undefined;
  private blockLength = 0;
  private n = 0;

  constructor(
    /** The spill file (a path nobody else uses). */
    readonly path: string,
    /** Values kept in memory before spilling (≥ 0). */
    private readonly memoryLimit: number = 1 << 20,
  ) {}

  get count(): number {
    return this.n;
  }

  /** True once the values went to the file. */
  get spilled(): boolean {
    return this.memory === undefined;
  }

  push(x: number): void {
    this.n++;
    if (this.memory) {
      if (this.memory.count < this.memoryLimit) {
        this.memory.push(x);
        return;
      }
      this.spill();
    }
    this.append(x);
  }

  orderStatistics(ranks: readonly number[]): number[] {
    if (this.memory) return this.memory.orderStatistics(ranks);
    for (const k of ranks) checkedRank(k, this.n);
    this.flush();
    return radixSelect((visit) => this.forEachBlock(visit), ranks);
  }

  /** Removes the spill file; the store is empty afterwards. */
  dispose(): void {
    rmSync(this.path, { force: true });
    this.memory = new InMemorySamples();
    this.block = undefined;
    this.blockLength = 0;
    this.n = 0;
  }

  private spill(): void {
    const held = this.memory as InMemorySamples;
    this.memory = undefined;
    this.block = new Float64Array(Math.min(MAX_BLOCK_VALUES, Math.max(MIN_BLOCK_VALUES, this.memoryLimit)));
    closeSync(openSync(this.path, "w")); // a fresh, empty file
    // Order in the file does not matter for order statistics: write the held values as they are.
    for (const x of held.all()) this.append(x);
  }

  private append(x: number): void {
    const block = this.block as Float64Array;
    block[this.blockLength++] = x;
    if (this.blockLength === block.length) this.flush();
  }

  private flush(): void {
    if (this.blockLength === 0 || !this.block) return;
    const bytes = new Uint8Array(this.block.buffer, 0, this.blockLength * 8);
    const fd = openSync(this.path, "a");
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    } finally {
      closeSync(fd);
    }
    this.blockLength = 0;
  }

  /** Calls `visit` with every block of the file, in order. */
  private forEachBlock(visit: (values: Float64Array) => void): void {
    const buffer = new Float64Array(MAX_BLOCK_VALUES);
    const bytes = new Uint8Array(buffer.buffer);
    const fd = openSync(this.path, "r");
    try {
      for (let position = 0; ; ) {
        let got = 0;
        while (got < bytes.length) {
          const r = readSync(fd, bytes, got, bytes.length - got, position + got);
          if (r === 0) break;
          got += r;
        }
        if (got % 8 !== 0) throw new Error(`${this.path}: spill file truncated (${position + got} bytes)`);
        if (got > 0) visit(buffer.subarray(0, got / 8));
        if (got < bytes.length) return;
        position += got;
      }
    } finally {
      closeSync(fd);
    }
  }
}

function checkedRank(k: number, n: number): true {
  if (!Number.isInteger(k) || k < 0 || k >= n) throw new RangeError(`rank ${k} is outside 0..${n - 1}`);
  return true;
}

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
/** Index of the high 32-bit word of a float64 in native byte order. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** The last key `setKey` computed: its high and low unsigned 32-bit halves. */
let keyHi = 0;
let keyLo = 0;

/**
 * Sets `keyHi`/`keyLo` to the order-preserving 64-bit key of `x`: negative numbers have all bits
 * inverted, others the sign bit set, so unsigned key order is numeric order (−0 is keyed as +0).
 */
function setKey(x: number): void {
  scratch[0] = x === 0 ? 0 : x;
  const hi = scratchWords[HI] as number;
  const lo = scratchWords[LO] as number;
  if (hi & 0x80000000) {
    keyHi = ~hi >>> 0;
    keyLo = ~lo >>> 0;
  } else {
    keyHi = (hi | 0x80000000) >>> 0;
    keyLo = lo;
  }
}

function valueOfKey(hi: number, lo: number): number {
  if (hi & 0x80000000) {
    scratchWords[HI] = (hi & 0x7fffffff) >>> 0;
    scratchWords[LO] = lo;
  } else {
    scratchWords[HI] = ~hi >>> 0;
    scratchWords[LO] = ~lo >>> 0;
  }
  return scratch[0] as number;
}

/**
 * Exact order statistics of the values `forEach` visits (every call visits the same values), by
 * radix selection: four passes, each fixing the next 16 bits of each wanted rank's key.
 */
export function radixSelect(forEach: (visit: (values: Float64Array) => void) => void, ranks: readonly number[]): number[] {
  const wanted = [...new Set(ranks)];
  // Per wanted rank: the key bits fixed so far (`prefix`, the top `16 * pass` bits) and its rank among values with that prefix.
  const state = wanted.map((k) => ({ hi: 0, lo: 0, rank: k }));
  for (let pass = 0; pass < 4; pass++) {
    const groups = new Map<string, { hi: number; lo: number; histogram: Float64Array }>();
    for (const s of state) {
      const id = `${s.hi}/${s.lo}`;
      if (!groups.has(id)) groups.set(id, { hi: s.hi, lo: s.lo, histogram: new Float64Array(1 << 16) });
    }
    const list = [...groups.values()];
    forEach((values) => {
      for (let i = 0; i < values.length; i++) {
        setKey(values[i] as number);
        for (const g of list) {
          if (!matchesPrefix(keyHi, keyLo, g.hi, g.lo, pass)) continue;
          const d = digit(keyHi, keyLo, pass);
          g.histogram[d] = (g.histogram[d] as number) + 1;
        }
      }
    });
    for (const s of state) {
      const g = groups.get(`${s.hi}/${s.lo}`) as { histogram: Float64Array };
      let d = 0;
      let below = 0;
      while (d < 0xffff && below + (g.histogram[d] as number) <= s.rank) below += g.histogram[d++] as number;
      s.rank -= below;
      if (pass === 0) s.hi = (d << 16) >>> 0;
      else if (pass === 1) s.hi = (s.hi | d) >>> 0;
      else if (pass === 2) s.lo = (d << 16) >>> 0;
      else s.lo = (s.lo | d) >>> 0;
    }
  }
  const byRank = new Map(wanted.map((k, i) => [k, valueOfKey((state[i] as { hi: number }).hi, (state[i] as { lo: number }).lo)]));
  return ranks.map((k) => byRank.get(k) as number);
}

/** True when the key's top `16 * pass` bits equal the prefix's. */
function matchesPrefix(hi: number, lo: number, phi: number, plo: number, pass: number): boolean {
  if (pass === 0) return true;
  if (pass === 1) return hi >>> 16 === phi >>> 16;
  if (pass === 2) return hi === phi;
  return hi === phi && lo >>> 16 === plo >>> 16;
}

/** The key's 16-bit digit number `pass` (0: the top 16 bits). */
function digit(hi: number, lo: number, pass: number): number {
  return pass === 0 ? hi >>> 16 : pass === 1 ? hi & 0xffff : pass === 2 ? lo >>> 16 : lo & 0xffff;
}
