/** What every route module of the REST API works on. */
import type { LiveRun } from "../live-run.ts";
import type { PlacementControl } from "./placement-control.ts";

export interface ApiContext {
  live: LiveRun;
  placement: PlacementControl;
}
