/**
 * Switching the Manager's placement algorithm at run time (`PUT /placement`). Creating a placer
 * may be asynchronous (`latency-ilp` loads HiGHS), so two switches can overlap: only the newest
 * request is applied; an older one that finishes later is reported as superseded and changes
 * nothing.
 */
import { createPlacer, type LatencyIlpOptions, type PlacerName } from "../../placement/index.ts";
import type { Manager } from "../manager.ts";

export interface PlacementRequest {
  algorithm: PlacerName;
  seed?: number | string;
  ilp?: LatencyIlpOptions;
}

export type SwitchOutcome = { applied: true } | { applied: false; reason: "superseded" };

export class PlacementControl {
  /** Seed given with the last applied switch, if any. */
  private seed: number | string | undefined;
  private sequence = 0;

  /**
   * `defaultSeed` seeds the random placer and `defaultIlp` configures latency-ilp when a request
   * sets none (the scenario's seed and `placement.ilp`).
   */
  constructor(
    private readonly manager: Manager,
    private readonly defaultSeed: number | string | undefined,
    private readonly defaultIlp?: LatencyIlpOptions,
  ) {}

  algorithm(): string {
    return this.manager.placerName();
  }

  lastSeed(): number | string | undefined {
    return this.seed;
  }

  /** Creates the placer and hands it to the Manager unless a newer switch started meanwhile. */
  async switchTo(request: PlacementRequest): Promise<SwitchOutcome> {
    const mine = ++this.sequence;
    const seed = request.seed ?? this.defaultSeed;
    const placer = await createPlacer(request.algorithm, seed, request.ilp ?? this.defaultIlp);
    if (mine !== this.sequence) return { applied: false, reason: "superseded" };
    this.manager.usePlacer(placer);
    this.seed = request.seed;
    return { applied: true };
  }
}
