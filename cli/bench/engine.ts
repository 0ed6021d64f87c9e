/** `gnf bench engine`: the classic hold model on the DES engine. */
import type { BenchDefinition } from "./types.ts";
import { runHoldBenchmark } from "../../sim/engine/bench-hold.ts";
import { parsePositiveInt } from "../parse.ts";

export const engineBench: BenchDefinition = {
  name: "engine",
  description: "hold model: N processes each repeatedly waiting an exponential delay; events per second",
  options: [
    { flags: "--processes <n>", description: "number of processes (comma-separated list allowed)", defaultValue: "1000,100000" },
    { flags: "--events <m>", description: "events to process per run", defaultValue: "5000000" },
  ],
  inAll: true,
  async run(options) {
    const processList = (options["processes"] ?? "1000,100000").split(",").map((p) => parsePositiveInt(p, "--processes"));
    const events = parsePositiveInt(options["events"] ?? "5000000", "--events");
    const runs = processList.map((processes) => runHoldBenchmark({ processes, events, seed: 1 }));
    if (runs.length === 1) return { ...runs[0] };
    return { runs };
  },
  describe(result) {
    const runs = (result["runs"] as Record<string, number>[] | undefined) ?? [result as Record<string, number>];
    return runs
      .map((r) => `hold model, ${r["processes"]} processes: ${r["events"]} events in ${Number(r["wallSeconds"]).toFixed(2)} s = ${(Number(r["eventsPerSecond"]) / 1e6).toFixed(2)} M events/s`)
      .join("\n");
  },
};
