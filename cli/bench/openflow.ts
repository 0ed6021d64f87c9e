/**
 * `gnf bench openflow`: codec throughput over the golden set (messages/s) and, when Open vSwitch
 * is available, FLOW_MODs installed into a real switch per second, confirmed by a barrier.
 */
import type { BenchDefinition } from "./types.ts";
import { measureCodecThroughput } from "../../openflow/codec/bench.ts";
import { parsePositiveInt } from "../parse.ts";

export const openflowBench: BenchDefinition = {
  name: "openflow",
  description: "OpenFlow 1.3 codec messages/s (golden set) and FLOW_MODs/s into Open vSwitch (if installed)",
  options: [
    { flags: "--seconds <s>", description: "codec measurement time (after the warm-up)", defaultValue: "3" },
    { flags: "--warmup <s>", description: "codec warm-up time, untimed (the JIT's first second is slower)", defaultValue: "2" },
    { flags: "--flows <n>", description: "FLOW_MODs to install into OVS", defaultValue: "20000" },
  ],
  inAll: true,
  async run(options) {
    const seconds = parsePositiveInt(options["seconds"] ?? "3", "--seconds");
    const warmupSeconds = parsePositiveInt(options["warmup"] ?? "2", "--warmup");
    const codec = measureCodecThroughput({ seconds, warmupSeconds });
    const flows = parsePositiveInt(options["flows"] ?? "20000", "--flows");
    const flowMods = await measureFlowModsIfAvailable(flows);
    return {
      codecMessagesPerSecond: codec.codecMessagesPerSecond,
      codecMessages: codec.messages,
      codecWallSeconds: codec.wallSeconds,
      codecWarmupSeconds: codec.warmupSeconds,
      codecWindowRates: codec.windowRates.map(Math.round),
      goldenMessages: codec.goldenMessages,
      ...flowMods,
    };
  },
  describe(result) {
    const lines = [`codec: ${Math.round(Number(result["codecMessagesPerSecond"])).toLocaleString("en")} messages/s (decode+encode of the ${String(result["goldenMessages"])} golden messages)`];
    if (typeof result["flowModsPerSecond"] === "number") {
      lines.push(`OVS: ${Math.round(result["flowModsPerSecond"]).toLocaleString("en")} FLOW_MODs/s (${String(result["flows"])} flows confirmed by barrier)`);
    } else lines.push(`OVS: not measured (${String(result["flowModsSkipped"])})`);
    return lines.join("\n");
  },
};

async function measureFlowModsIfAvailable(flows: number): Promise<Record<string, unknown>> {
  const { measureFlowModRate, ovsAvailable } = await import("../../emulation/harness/flowmod-rate.ts");
  const why = await ovsAvailable();
  if (why !== true) return { flowModsSkipped: why };
  const rate = await measureFlowModRate({ flows });
  return { flowModsPerSecond: rate.flowModsPerSecond, flows: rate.flows, flowModWallSeconds: rate.wallSeconds };
}
