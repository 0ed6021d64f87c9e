/**
 * Trace replay: positions from a CSV of samples, linearly interpolated in time; before the first
 * sample a UE is at its first position, after the last at its last one.
 *
 * Formats accepted (header row required):
 *   - `time,id,x,y` (metres) or `time,id,lat,lon` (degrees, projected to local metres);
 *   - `Latitude,Longitude` (the iFogSim Melbourne path files): one UE, one sample every
 *     `sampleInterval` seconds; the EUA users file (one position per user) gives static UEs when
 *     read with `oneUePerRow`.
 */
import { readFileSync } from "node:fs";
import { UserError } from "../../../base/errors.ts";
import { projectLocal, type LatLon } from "../../../topologies/geo.ts";
import { parseCsv } from "../../../base/results/csv.ts";
import type { MobilityModel } from "./types.ts";

export interface TraceSample {
  time: number;
  id: string;
  x: number;
  y: number;
}

export interface TraceReadOptions {
  /**
   * Origin of the local projection for lat/lon files (default: the mean of the samples). Pass the
   * topology's origin so UEs and cells share one frame.
   */
  origin?: LatLon;
  /** Subtracted from every projected or planar position, metres (e.g. to put an area at (0, 0)). */
  offset?: { x: number; y: number };
  /** Seconds between rows for `Latitude,Longitude` files. */
  sampleInterval?: number;
  /** `Latitude,Longitude` files: every row is a separate (static) UE. */
  oneUePerRow?: boolean;
}

/** Reads a trace file into samples (metres). Bad files give a UserError naming the row. */
export function readTrace(path: string, options: TraceReadOptions = {}): TraceSample[] {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(readFileSync(path, "utf8"));
  } catch (err) {
    throw new UserError(`${path}: cannot read the mobility trace: ${(err as Error).message}`);
  }
  const lower = (r: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v]));
  const data = rows.map(lower);
  const first = data[0];
  if (!first) throw new UserError(`${path}: the mobility trace has no rows`);
  const geo = "lat" in first || "latitude" in first;
  const planar = "x" in first && "y" in first;
  if (!geo && !planar) {
    throw new UserError(`${path}: expected a header with x,y (metres) or lat,lon / Latitude,Longitude (degrees), found "${Object.keys(rows[0] ?? {}).join(",")}"`);
  }
  const ox = options.offset?.x ?? 0;
  const oy = options.offset?.y ?? 0;
  const latlon = data.map((r) => ({ lat: Number(r["lat"] ?? r["latitude"]), lon: Number(r["lon"] ?? r["longitude"]) }));
  const origin = options.origin ?? (geo ? { lat: mean(latlon.map((p) => p.lat)), lon: mean(latlon.map((p) => p.lon)) } : { lat: 0, lon: 0 });
  return data.map((r, i) => {
    const where = `${path}: row ${i + 2}`;
    const time = "time" in r ? Number(r["time"]) : options.oneUePerRow ? 0 : i * (options.sampleInterval ?? 1);
    const id = "id" in r ? String(r["id"]) : options.oneUePerRow ? `ue-${i}` : "ue-0";
    let x: number;
    let y: number;
    if (geo) ({ x, y } = projectLocal(latlon[i] as LatLon, origin));
    else {
      x = Number(r["x"]);
      y = Number(r["y"]);
    }
    if (![time, x, y].every(Number.isFinite)) throw new UserError(`${where}: expected numeric time and position, found ${JSON.stringify(rows[i])}`);
    return { time, id, x: x - ox, y: y - oy };
  });
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export class TraceReplay implements MobilityModel {
  readonly name = "trace";
  readonly count: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Trace id of each UE, in order of first appearance in the file. */
  readonly ids: string[];
  private readonly tracks: TraceSample[][];
  private readonly cursor: Int32Array;
  /** Seconds since the start of the replay. */
  private now = 0;

  constructor(samples: readonly TraceSample[]) {
    if (samples.length === 0) throw new RangeError("trace replay needs at least one sample");
    const byId = new Map<string, TraceSample[]>();
    for (const s of samples) (byId.get(s.id) ?? byId.set(s.id, []).get(s.id))?.push(s);
    this.ids = [...byId.keys()];
    this.tracks = this.ids.map((id) => (byId.get(id) as TraceSample[]).slice().sort((a, b) => a.time - b.time));
    this.count = this.ids.length;
    this.x = new Float64Array(this.count);
    this.y = new Float64Array(this.count);
    this.cursor = new Int32Array(this.count);
    this.place();
  }

  step(dt: number): void {
    this.now += dt;
    this.place();
  }

  private place(): void {
    for (let i = 0; i < this.count; i++) {
      const track = this.tracks[i] as TraceSample[];
      let c = this.cursor[i] as number;
      while (c + 1 < track.length && (track[c + 1] as TraceSample).time <= this.now) c++;
      this.cursor[i] = c;
      const a = track[c] as TraceSample;
      const b = track[c + 1];
      if (!b || this.now <= a.time) {
        this.x[i] = a.x;
        this.y[i] = a.y;
      } else {
        const f = (this.now - a.time) / (b.time - a.time);
        this.x[i] = a.x + f * (b.x - a.x);
        this.y[i] = a.y + f * (b.y - a.y);
      }
    }
  }
}
