/**
 * UE–cell association with hysteresis and time-to-trigger (3GPP A3-style): a UE attaches to the
 * strongest covering cell above the sensitivity; it hands over only when another cell has been
 * stronger than its serving cell by more than `hysteresisDb` at every update for
 * `timeToTriggerS`; it disconnects when its serving cell no longer covers it (or drops below
 * sensitivity) and no other cell qualifies (or hands over at once to the best one that does).
 * Trace sources: `ueConnected`, `ueDisconnected`, `ueHandover`.
 *
 * Cost: each update reads one bucket of the grid index per UE. Without shadowing, RSSI falls
 * monotonically with distance, so a UE with no pending handover candidate also gets a *safe
 * radius*: as long as it stays within that distance of where it was last evaluated, no decision
 * can change (triangle inequality on the hysteresis and coverage conditions), and the update
 * skips it. The outcome is identical to evaluating every UE at every update (tested).
 */
import type { RandomStream } from "../../../base/rng.ts";
import { TraceSource } from "../../../base/trace.ts";
import { CellGrid, type Cell } from "./cell-grid.ts";
import { pathLossDb, type PathLossParams } from "./path-loss.ts";
import { ShadowingMap } from "./shadowing.ts";

export interface RadioParams extends PathLossParams {
  /** Transmit power of every cell, dBm. */
  txPowerDbm: number;
  /** Weakest usable RSSI, dBm. */
  sensitivityDbm: number;
  /** Log-normal shadowing standard deviation, dB (0 = none). */
  shadowingDb: number;
  /** Shadowing decorrelation distance, metres (default 50). */
  shadowingDecorrelationM?: number;
  /** Handover margin, dB (≥ 0). */
  hysteresisDb: number;
  /** How long the margin must hold before a handover, s (≥ 0). */
  timeToTriggerS: number;
}

/** A UE attached to or left `cell` (RSSI at that cell, dBm; NaN when it is out of range). */
export interface AttachRecord {
  /** Simulated time, s. */
  time: number;
  ue: number;
  cell: string;
  rssiDbm: number;
}

/** A UE moved from cell `from` to `to`; `rssiDbm` is the RSSI at `to`. */
export interface HandoverRecord {
  /** Simulated time, s. */
  time: number;
  ue: number;
  from: string;
  to: string;
  rssiDbm: number;
}

export interface RadioAccessOptions {
  /** Evaluate every UE's RSSI to every covering cell at every update (reference path for tests). */
  exhaustive?: boolean;
}

/** Slack subtracted from safe radii, metres: absorbs floating-point error at exact boundaries. */
const SAFE_SLACK_M = 1e-6;

export class RadioAccess {
  readonly ueConnected = new TraceSource<AttachRecord>("ueConnected");
  readonly ueDisconnected = new TraceSource<AttachRecord>("ueDisconnected");
  readonly ueHandover = new TraceSource<HandoverRecord>("ueHandover");
  readonly grid: CellGrid;
  /** Serving cell index per UE, −1 when not connected. */
  readonly serving: Int32Array;
  /**
   * RSSI at the serving cell, dBm (NaN when not connected), as of the UE's last evaluation; call
   * `refreshServingRssi()` for values at the latest positions.
   */
  readonly servingRssi: Float64Array;
  /** Handovers so far. */
  handovers = 0;
  /** UE evaluations so far (UEs skipped inside their safe radius are not counted). */
  evaluations = 0;
  private readonly candidate: Int32Array;
  private readonly candidateSince: Float64Array;
  private readonly anchorX: Float64Array;
  private readonly anchorY: Float64Array;
  /** Squared safe radius around the anchor, m²; −1 = evaluate at the next update. */
  private readonly safe2: Float64Array;
  private readonly shadowing: ShadowingMap | undefined;
  private readonly exhaustive: boolean;
  /** Distance at which the RSSI equals the sensitivity (no shadowing), metres; −1 = never reached. */
  private readonly sensitivityRangeM: number;
  /** Per-cell usable range min(rangeM, sensitivity range), metres, and its square. */
  private readonly usableRange: Float64Array;
  private readonly usableRange2: Float64Array;
  /** Per-cell squared coverage range, m². */
  private readonly range2: Float64Array;
  private readonly cellX: Float64Array;
  private readonly cellY: Float64Array;
  /** Distance ratio equivalent to the hysteresis: 10^(hysteresis / (10 n)). */
  private readonly hysteresisRatio: number;
  private readonly marginM: number;
  private lastX: Float64Array | undefined;
  private lastY: Float64Array | undefined;

  /**
   * @param shadowing stream that seeds the shadowing field (one draw); shadowing is off without it
   * @param ues number of UEs (indices 0 … ues−1 in the position arrays)
   */
  constructor(
    readonly cells: readonly Cell[],
    private readonly params: RadioParams,
    shadowing: RandomStream | undefined,
    ues: number,
    options: RadioAccessOptions = {},
  ) {
    const maxRange = cells.reduce((m, c) => Math.max(m, c.rangeM), 1);
    this.marginM = Math.min(maxRange / 10, 50);
    this.grid = new CellGrid(cells, { marginM: this.marginM });
    this.shadowing = params.shadowingDb > 0 && shadowing ? new ShadowingMap(params.shadowingDb, params.shadowingDecorrelationM ?? 50, Math.floor(shadowing.random() * 2 ** 32) | 0) : undefined;
    this.exhaustive = options.exhaustive === true || this.shadowing !== undefined;
    cells.forEach((c, i) => this.shadowing?.prepare(i, c.x, c.y, c.rangeM));
    const atReference = params.txPowerDbm - params.referenceLossDb;
    this.sensitivityRangeM = atReference < params.sensitivityDbm ? -1 : params.referenceDistanceM * 10 ** ((atReference - params.sensitivityDbm) / (10 * params.exponent));
    this.usableRange = Float64Array.from(cells, (c) => Math.min(c.rangeM, this.sensitivityRangeM));
    this.usableRange2 = this.usableRange.map((r) => (r < 0 ? -1 : r * r));
    this.range2 = Float64Array.from(cells, (c) => c.rangeM * c.rangeM);
    this.cellX = Float64Array.from(cells, (c) => c.x);
    this.cellY = Float64Array.from(cells, (c) => c.y);
    this.hysteresisRatio = 10 ** (params.hysteresisDb / (10 * params.exponent));
    this.serving = new Int32Array(ues).fill(-1);
    this.servingRssi = new Float64Array(ues).fill(Number.NaN);
    this.candidate = new Int32Array(ues).fill(-1);
    this.candidateSince = new Float64Array(ues);
    this.anchorX = new Float64Array(ues);
    this.anchorY = new Float64Array(ues);
    this.safe2 = new Float64Array(ues).fill(-1);
  }

  /** RSSI of cell `c` at (x, y) metres, dBm (shadowing included when on; deterministic). */
  rssi(c: number, x: number, y: number): number {
    const dx = (this.cellX[c] as number) - x;
    const dy = (this.cellY[c] as number) - y;
    return this.rssiAtDistance(c, Math.sqrt(dx * dx + dy * dy), x, y);
  }

  /** RSSI of cell `c` at (x, y), `distanceM` from it, dBm. */
  private rssiAtDistance(c: number, distanceM: number, x: number, y: number): number {
    const loss = pathLossDb(distanceM, this.params);
    return this.shadowing ? this.params.txPowerDbm - loss - this.shadowing.at(c, x, y) : this.params.txPowerDbm - loss;
  }

  /** Re-evaluates every UE at time `now` (s) from positions x, y (m); emits the resulting events. */
  update(now: number, x: Float64Array, y: Float64Array): void {
    this.lastX = x;
    this.lastY = y;
    const n = this.serving.length;
    for (let ue = 0; ue < n; ue++) {
      const ux = x[ue] as number;
      const uy = y[ue] as number;
      const dx = ux - (this.anchorX[ue] as number);
      const dy = uy - (this.anchorY[ue] as number);
      if (dx * dx + dy * dy <= (this.safe2[ue] as number)) continue;
      this.evaluations++;
      if (this.exhaustive) this.evaluateExhaustive(now, ue, ux, uy);
      else this.evaluateNearest(now, ue, ux, uy);
    }
  }

  /** Recomputes `servingRssi` of every connected UE at the positions of the last update. */
  refreshServingRssi(): void {
    const x = this.lastX;
    const y = this.lastY;
    if (!x || !y) return;
    for (let ue = 0; ue < this.serving.length; ue++) {
      const s = this.serving[ue] as number;
      if (s >= 0) this.servingRssi[ue] = this.rssi(s, x[ue] as number, y[ue] as number);
    }
  }

  /**
   * No shadowing: the strongest cell is the nearest usable one, so the loop compares squared
   * distances and takes logarithms only for the serving and the best cell.
   */
  private evaluateNearest(now: number, ue: number, ux: number, uy: number): void {
    const grid = this.grid;
    const list = grid.candidateList;
    const b = grid.bucketOf(ux, uy);
    const begin = b < 0 ? 0 : grid.bucketBegin(b);
    const end = b < 0 ? 0 : grid.bucketEnd(b);
    const s = this.serving[ue] as number;
    let best = -1;
    let bestD2 = Infinity;
    let servingD2 = Infinity;
    let nearest = -1;
    let nearestD2 = Infinity;
    let secondD2 = Infinity;
    for (let k = begin; k < end; k++) {
      const c = list[k] as number;
      const cx = (this.cellX[c] as number) - ux;
      const cy = (this.cellY[c] as number) - uy;
      const d2 = cx * cx + cy * cy;
      if (c === s) servingD2 = d2;
      if (d2 <= (this.usableRange2[c] as number) && d2 < bestD2) {
        best = c;
        bestD2 = d2;
      }
      if (d2 < nearestD2) {
        secondD2 = nearestD2;
        nearestD2 = d2;
        nearest = c;
      } else if (d2 < secondD2) secondD2 = d2;
    }
    const bestRssi = best >= 0 ? this.rssi(best, ux, uy) : -Infinity;
    if (s < 0) {
      if (best >= 0) this.attach(now, ue, best, bestRssi);
    } else if (!(servingD2 <= (this.usableRange2[s] as number))) {
      const covered = servingD2 <= (this.range2[s] as number);
      this.lose(now, ue, s, best, bestRssi, covered ? this.rssi(s, ux, uy) : Number.NaN);
    } else {
      const servingRssi = best === s ? bestRssi : this.rssi(s, ux, uy);
      this.servingRssi[ue] = servingRssi;
      this.considerCandidate(now, ue, s, best, bestRssi, servingRssi);
    }
    // Safe radius for the state after the decision.
    this.anchorX[ue] = ux;
    this.anchorY[ue] = uy;
    const s2 = this.serving[ue] as number;
    let safe: number;
    if ((this.candidate[ue] as number) >= 0) safe = -1;
    else if (s2 >= 0) {
      const ds = Math.sqrt(s2 === best ? bestD2 : servingD2);
      const other = Math.sqrt(s2 === nearest ? secondD2 : nearestD2);
      const K = this.hysteresisRatio;
      safe = Math.min(this.marginM, (this.usableRange[s2] as number) - ds, (other * K - ds) / (K + 1));
    } else {
      safe = this.marginM;
      for (let k = begin; k < end; k++) {
        const c = list[k] as number;
        safe = Math.min(safe, Math.hypot((this.cellX[c] as number) - ux, (this.cellY[c] as number) - uy) - (this.usableRange[c] as number));
      }
    }
    safe -= SAFE_SLACK_M;
    this.safe2[ue] = safe > 0 ? safe * safe : -1;
  }

  /** Reference path (and the shadowing path): the RSSI of every covering cell. */
  private evaluateExhaustive(now: number, ue: number, ux: number, uy: number): void {
    const p = this.params;
    const grid = this.grid;
    const list = grid.candidateList;
    const b = grid.bucketOf(ux, uy);
    const begin = b < 0 ? 0 : grid.bucketBegin(b);
    const end = b < 0 ? 0 : grid.bucketEnd(b);
    const s = this.serving[ue] as number;
    let best = -1;
    let bestRssi = -Infinity;
    let servingRssi = Number.NaN;
    for (let k = begin; k < end; k++) {
      const c = list[k] as number;
      const cx = (this.cellX[c] as number) - ux;
      const cy = (this.cellY[c] as number) - uy;
      const d2 = cx * cx + cy * cy;
      if (d2 > (this.range2[c] as number)) continue;
      const r = this.rssiAtDistance(c, Math.sqrt(d2), ux, uy);
      if (c === s) servingRssi = r;
      if (r >= p.sensitivityDbm && r > bestRssi) {
        best = c;
        bestRssi = r;
      }
    }
    if (s < 0) {
      if (best >= 0) this.attach(now, ue, best, bestRssi);
    } else if (Number.isNaN(servingRssi) || servingRssi < p.sensitivityDbm) {
      this.lose(now, ue, s, best, bestRssi, servingRssi);
    } else {
      this.servingRssi[ue] = servingRssi;
      this.considerCandidate(now, ue, s, best, bestRssi, servingRssi);
    }
  }

  /** A3 event with time-to-trigger: start, keep or drop the UE's handover candidate. */
  private considerCandidate(now: number, ue: number, s: number, best: number, bestRssi: number, servingRssi: number): void {
    if (best >= 0 && best !== s && bestRssi > servingRssi + this.params.hysteresisDb) {
      if (this.candidate[ue] !== best) {
        this.candidate[ue] = best;
        this.candidateSince[ue] = now;
      }
      if (now - (this.candidateSince[ue] as number) >= this.params.timeToTriggerS) this.handover(now, ue, s, best, bestRssi);
    } else {
      this.candidate[ue] = -1;
    }
  }

  /** The serving cell `s` no longer serves: hand over to `best` at once, or disconnect. */
  private lose(now: number, ue: number, s: number, best: number, bestRssi: number, servingRssi: number): void {
    if (best >= 0 && best !== s) {
      this.handover(now, ue, s, best, bestRssi);
      return;
    }
    this.serving[ue] = -1;
    this.servingRssi[ue] = Number.NaN;
    this.candidate[ue] = -1;
    this.ueDisconnected.emit({ time: now, ue, cell: (this.cells[s] as Cell).id, rssiDbm: servingRssi });
  }

  private attach(now: number, ue: number, c: number, rssi: number): void {
    this.serving[ue] = c;
    this.servingRssi[ue] = rssi;
    this.candidate[ue] = -1;
    this.ueConnected.emit({ time: now, ue, cell: (this.cells[c] as Cell).id, rssiDbm: rssi });
  }

  private handover(now: number, ue: number, from: number, to: number, rssi: number): void {
    this.serving[ue] = to;
    this.servingRssi[ue] = rssi;
    this.candidate[ue] = -1;
    this.handovers++;
    this.ueHandover.emit({ time: now, ue, from: (this.cells[from] as Cell).id, to: (this.cells[to] as Cell).id, rssiDbm: rssi });
  }
}
