/** What every route module of the REST API works on. */
import type { LiveRun } from "../live-run.ts";
import { ApiError } from "./errors.ts";
import type { PlacementControl } from "./placement-control.ts";

export interface ApiContext {
  live: LiveRun;
  placement: PlacementControl;
  /** True once the run has ended: it handles no more changes. */
  runEnded(): boolean;
}

/**
 * Throws the 409 of a request that would change a run that has ended (its events would never be
 * handled: a chain requested then would never start). Reads stay answered.
 */
export function refuseIfRunEnded(context: ApiContext): void {
  if (context.runEnded()) throw new ApiError(409, `the run "${context.live.name}" has ended (at ${context.live.now()} s): it accepts no more changes; its state can still be read`);
}
