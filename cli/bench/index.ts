/** Every benchmark `gnf bench` knows, in the order `gnf bench all` runs them. */
import type { BenchDefinition } from "./types.ts";
import { engineBench } from "./engine.ts";
import { openflowBench } from "./openflow.ts";
import { cityBench } from "./city.ts";
import { placementBench } from "./placement.ts";
import { emulationBench } from "./emulation.ts";
import { topologyBench } from "./topology.ts";
import { longRunBench } from "./long-run.ts";

export const BENCHMARKS: readonly BenchDefinition[] = [engineBench, cityBench, placementBench, openflowBench, emulationBench, topologyBench, longRunBench];
