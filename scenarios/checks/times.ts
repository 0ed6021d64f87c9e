/**
 * Times in a scenario checked against the run: a chain's request (`at`) and removal (`until`), a
 * flow's start and stop, an instantiation batch's request and the Manager's re-placement period
 * lie within [0, duration] seconds, a removal comes after its request, and the last UE of a
 * staggered `waypoints` walk starts before the end.
 * A time outside the run would silently never happen.
 */
import type { ConfigProblem } from "../../base/config/load-yaml.ts";
import { formatKeyPath } from "../../base/config/describe-value.ts";
import type { Scenario } from "../schema/scenario.ts";

type Path = (string | number)[];

/**
 * A time after the end is only a warning when a `--set` changed the duration (a run cut short on
 * purpose) or the time itself (`--set chains[1].at=1000`: a chain left out on purpose).
 */
function deliberate(path: Path): string[] {
  return ["duration", formatKeyPath(path)];
}

/** Every time of `scenario` that falls outside its run. */
export function timeProblems(scenario: Scenario): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const d = scenario.duration;
  const within = `within the run (0 to ${d} s, the duration)`;
  /** `time` must lie in [0, duration]; `strictlyBefore` also refuses the duration itself. */
  const inRun = (path: Path, time: number, strictlyBefore = false) => {
    if (time > d || (strictlyBefore && time === d)) problems.push({ path, warnWhenSet: deliberate(path), message: `expected a time ${strictlyBefore ? `before the end of the run (${d} s, the duration)` : within}, found ${time} s` });
  };
  const window = (base: Path, at: number, until: number | undefined) => {
    inRun([...base, "at"], at, true);
    if (until === undefined) return;
    if (until <= at) problems.push({ path: [...base, "until"], message: `expected a time after at (${at} s), found ${until} s` });
    else inRun([...base, "until"], until);
  };

  scenario.chains.forEach((c, i) => window(["chains", i], c.at, c.until));
  scenario.ueChains.forEach((t, i) => window(["ueChains", i], t.at, t.until));
  scenario.traffic.forEach((flow, i) => {
    inRun(["traffic", i, "startS"], flow.startS, true);
    if (flow.stopS !== undefined && flow.stopS > flow.startS) inRun(["traffic", i, "stopS"], flow.stopS);
  });
  scenario.instantiation?.hosts.forEach((h, i) => inRun(["instantiation", "hosts", i, "at"], h.at, true));
  if (scenario.manager.replacementPeriod > d) {
    problems.push({ path: ["manager", "replacementPeriod"], warnWhenSet: deliberate(["manager", "replacementPeriod"]), message: `expected 0 (never) or a period no longer than the run (${d} s, the duration), found ${scenario.manager.replacementPeriod} s` });
  }
  const mobility = scenario.ues.mobility;
  if (mobility.model === "waypoints" && scenario.topology !== undefined && scenario.ues.count > 1) {
    const lastStart = (scenario.ues.count - 1) * mobility.stagger;
    if (lastStart >= d) {
      problems.push({
        path: ["ues", "mobility", "stagger"],
        warnWhenSet: [...deliberate(["ues", "mobility", "stagger"]), "ues.count"],
        message: `expected every UE to start walking within the run, but ue-${scenario.ues.count - 1} starts at ${lastStart} s ((ues.count − 1) × stagger), after the end (${d} s, the duration)`,
      });
    }
  }
  return problems;
}
