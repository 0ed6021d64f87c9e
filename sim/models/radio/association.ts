/**
 * UE–cell association with hysteresis and time-to-trigger (3GPP A3-style): a UE attaches to the
 * strongest covering cell above the sensitivity; it hands over only when another cell has been
 * stronger than its serving cell by `hysteresisDb` continuously for `timeToTriggerS`; it
 * disconnects when its serving cell no longer covers it (or drops below sensitivity) and no other
 * cell qualifies. Trace sources: `ueConnected`, `ueDisconnected`, `ueHandover`.
 */
import type { RandomStream } from "../../engine/rng.ts";
import { TraceSource } from "../../engine/trace.ts";
import { CellGrid, type Cell } from "./cell-grid.ts";
import { pathLossDb, type PathLossParams } from "./path-loss.ts";

export interface RadioParams extends PathLossParams {
  txPowerDbm: number;
  sensitivityDbm: number;
  /** Log-normal shadowing standard deviation, dB (0 = none). */
  shadowingDb: number;
  hysteresisDb: number;
  timeToTriggerS: number;
}

export interface AttachRecord {
  time: number;
  ue: number;
  cell: string;
  rssiDbm: number;
}

export interface HandoverRecord {
  time: number;
  ue: number;
  from: string;
  to: string;
  rssiDbm: number;
}

export class RadioAccess {
  readonly ueConnected = new TraceSource<AttachRecord>("ueConnected");
  readonly ueDisconnected = new TraceSource<AttachRecord>("ueDisconnected");
  readonly ueHandover = new TraceSource<HandoverRecord>("ueHandover");
  readonly grid: CellGrid;
  /** Serving cell index per UE, −1 when not connected. */
  serving: Int32Array;
  /** RSSI at the serving cell, dBm (NaN when not connected). */
  servingRssi: Float64Array;
  private candidate: Int32Array;
  private candidateSince: Float64Array;
  handovers = 0;

  constructor(
    readonly cells: readonly Cell[],
    private readonly params: RadioParams,
    private readonly shadowing: RandomStream | undefined,
    ues: number,
  ) {
    this.grid = new CellGrid(cells);
    const d = params.referenceDistanceM * 10 ** ((params.txPowerDbm - params.referenceLossDb - params.sensitivityDbm) / (10 * params.exponent));
    this.sensitivityRange2 = d * d;
    this.serving = new Int32Array(ues).fill(-1);
    this.servingRssi = new Float64Array(ues).fill(Number.NaN);
    this.candidate = new Int32Array(ues).fill(-1);
    this.candidateSince = new Float64Array(ues);
  }

  /** RSSI of cell `c` at (x, y), dBm (with a fresh shadowing draw when σ > 0). */
  rssi(c: number, x: number, y: number): number {
    const cell = this.cells[c] as Cell;
    const loss = pathLossDb(Math.hypot(cell.x - x, cell.y - y), this.params);
    const shadow = this.params.shadowingDb > 0 && this.shadowing ? this.shadowing.normal(0, this.params.shadowingDb) : 0;
    return this.params.txPowerDbm - loss - shadow;
  }

  /**
   * Without shadowing, RSSI falls monotonically with distance (same power and path loss for every
   * cell), so the strongest cell is the nearest one and the sensitivity is a distance: the loop
   * compares squared distances and takes logarithms only for the cells it keeps.
   */
  private readonly sensitivityRange2: number;

  /** Re-evaluates every UE at time `now` (s) from positions x, y (m). */
  update(now: number, x: Float64Array, y: Float64Array): void {
    const p = this.params;
    const fast = !(p.shadowingDb > 0 && this.shadowing);
    for (let ue = 0; ue < this.serving.length; ue++) {
      const ux = x[ue] as number;
      const uy = y[ue] as number;
      const covering = this.grid.covering(ux, uy);
      let best = -1;
      let bestRssi = -Infinity;
      let servingRssi = Number.NaN;
      const s = this.serving[ue] as number;
      if (fast) {
        let bestD2 = Infinity;
        for (const c of covering) {
          const cell = this.cells[c] as Cell;
          const dx = cell.x - ux;
          const dy = cell.y - uy;
          const d2 = dx * dx + dy * dy;
          if (c === s) servingRssi = this.rssi(c, ux, uy);
          if (d2 <= this.sensitivityRange2 && d2 < bestD2) {
            best = c;
            bestD2 = d2;
          }
        }
        if (best >= 0) bestRssi = best === s ? servingRssi : this.rssi(best, ux, uy);
      } else {
        for (const c of covering) {
          const r = this.rssi(c, ux, uy);
          if (c === s) servingRssi = r;
          if (r >= p.sensitivityDbm && r > bestRssi) {
            best = c;
            bestRssi = r;
          }
        }
      }
      if (s < 0) {
        if (best >= 0) this.attach(now, ue, best, bestRssi);
        continue;
      }
      const lost = Number.isNaN(servingRssi) || servingRssi < p.sensitivityDbm;
      if (lost) {
        const from = this.cells[s] as Cell;
        if (best >= 0 && best !== s) {
          this.handover(now, ue, s, best, bestRssi);
        } else {
          this.serving[ue] = -1;
          this.servingRssi[ue] = Number.NaN;
          this.candidate[ue] = -1;
          this.ueDisconnected.emit({ time: now, ue, cell: from.id, rssiDbm: servingRssi });
        }
        continue;
      }
      this.servingRssi[ue] = servingRssi;
      if (best >= 0 && best !== s && bestRssi > servingRssi + p.hysteresisDb) {
        if (this.candidate[ue] !== best) {
          this.candidate[ue] = best;
          this.candidateSince[ue] = now;
        }
        if (now - (this.candidateSince[ue] as number) >= p.timeToTriggerS) this.handover(now, ue, s, best, bestRssi);
      } else {
        this.candidate[ue] = -1;
      }
    }
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
