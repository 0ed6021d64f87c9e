/**
 * The simulator's prediction of a lab instantiation batch: `n` container vNFs requested at once on
 * one host and started `parallel` at a time (the lab's `runPool`), then stopped and removed the
 * same way. It runs the simulator's own lifecycle model (`VnfHost` with a calibration profile),
 * so what the validation compares is the model, not a formula beside it.
 * Times in seconds.
 */
import { RngStreams } from "../../base/rng.ts";
import { VNF_CATALOG } from "../../deployment/vnfs/catalog.ts";
import type { DeviceCapacity } from "../../topologies/devices/capacity.ts";
import { Environment } from "../engine/environment.ts";
import type { Calibration } from "../models/calibration/profile.ts";
import { VnfHost } from "../models/vnf/host.ts";

/** The host a campaign ran on, as the simulator sees it. */
export interface LabHost {
  cores: number;
  /** Speed of one core relative to the reference core. */
  coreSpeed: number;
}

export interface BatchRun {
  /** First request → last vNF running, s. */
  readyAllS: number;
  /** Stop requested for all → last vNF removed, s. */
  stoppedAllS: number;
}

function capacity(host: LabHost): DeviceCapacity {
  return { id: "lab", cores: host.cores, perCoreSpeed: host.coreSpeed, cpuCapacity: host.cores * host.coreSpeed, memoryBytes: 2 ** 40, vnfMemoryBytes: 2 ** 40, assumed: [] };
}

/** One simulated batch (seeded: the same arguments give the same result). */
export function simulateBatch(calibration: Calibration, host: LabHost, n: number, parallel: number, seed: number): BatchRun {
  const env = new Environment();
  const h = new VnfHost(env, capacity(host), calibration, new RngStreams(seed).stream("calibration/batch"), parallel, { cachedImages: ["wire"] });
  let readyAllS = 0;
  let stoppedAllS = 0;
  env.process(
    (function* () {
      const starts = Array.from({ length: n }, (_, i) => h.start(`v${i}`, VNF_CATALOG.wire));
      yield env.allOf(starts);
      readyAllS = env.now;
      const stops = Array.from({ length: n }, (_, i) => h.stop(`v${i}`));
      yield env.allOf(stops);
      stoppedAllS = env.now - readyAllS;
    })(),
    "calibration batch",
  );
  env.run();
  return { readyAllS, stoppedAllS };
}

/** Mean of `replications` simulated batches (seeds 1 … replications) and the values. */
export function simulateBatches(calibration: Calibration, host: LabHost, n: number, parallel: number, replications: number): { readyAllS: number[]; stoppedAllS: number[] } {
  const runs = Array.from({ length: replications }, (_, i) => simulateBatch(calibration, host, n, parallel, i + 1));
  return { readyAllS: runs.map((r) => r.readyAllS), stoppedAllS: runs.map((r) => r.stoppedAllS) };
}
