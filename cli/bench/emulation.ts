/**
 * `gnf bench emulation [--quick] [--parallel K] [--results DIR] [--json]`: the paper's Fig. 2 on
 * the real lab (emulation/harness): idle RTT added per chained vNF, 50 container vNFs created
 * until each forwards (K at a time; the full run also sequentially), idle memory per vNF from its
 * cgroup for N = 1 … 100. Skipped with the reason when the lab (root, OVS, Docker) is missing.
 *
 * Targets (issue 6, 2-core machine): ready50Seconds ≤ 5 s, idleMemoryMBPerVnf ≤ 2.21 MB,
 * addedRttMsPerVnf ≤ 0.3 ms. `roamingInterruptionMs` comes from the emulation backend's roaming
 * run (scenarios/worlds/roaming-measurement.ts); absent, with `roamingSkipped`, when it cannot run.
 */
import type { BenchDefinition } from "./types.ts";
import { loadavg } from "node:os";
import { parsePositiveInt } from "../parse.ts";
import { openResultsFolder, withResultsFolder } from "../../base/results/results-folder.ts";

export const emulationBench: BenchDefinition = {
  name: "emulation",
  description: "Fig. 2 on the lab: added RTT per vNF, 50 vNFs until forwarding, idle memory per vNF (skipped without the lab)",
  options: [
    { flags: "--quick", description: "shorter run: RTT through 0…2 vNFs with 50 pings, no sequential instantiation, memory at N = 1, 5, 20" },
    { flags: "--no-roaming", description: "leave out the roaming run" },
    { flags: "--parallel <k>", description: "vNFs created at once", defaultValue: "6" },
    { flags: "--results <dir>", description: "also write tidy CSVs, summary.json and manifest.json (world: emulation) to this folder" },
    { flags: "--force", description: "replace an existing non-empty --results folder whole (default: refuse it)" },
  ],
  inAll: true,
  async run(options) {
    const { harnessLabStatus } = await import("../../emulation/harness/availability.ts");
    const status = await harnessLabStatus();
    if (!status.ok) return { skipped: status.reason };
    const { buildImages } = await import("../../emulation/images/build.ts");
    const { FIG2_FULL, FIG2_QUICK, measureFig2 } = await import("../../emulation/harness/fig2.ts");
    const base = options["quick"] === "true" ? FIG2_QUICK : FIG2_FULL;
    const parallelism = parsePositiveInt(options["parallel"] ?? "6", "--parallel");
    // The exact build (content-hash tag), not :latest, which other checkouts may retag meanwhile.
    const image = (await buildImages({ kinds: ["wire"] })).find((i) => i.name === "gnf/wire")?.ref;
    const { measureRoaming } = await import("../../scenarios/worlds/roaming-measurement.ts");
    const settings = { ...base, image, roaming: options["roaming"] !== "false", measureRoaming: () => measureRoaming(), instantiation: { ...base.instantiation, parallelism }, memory: { ...base.memory, parallelism } };
    const startedAt = new Date();
    const loadAverageBefore = loadavg();
    // Opened (and --results checked) before the measurement; renamed into place whole when complete.
    const folder = options["results"] ? openResultsFolder(options["results"], { force: options["force"] === "true" }) : undefined;
    const measure = (): ReturnType<typeof measureFig2> => measureFig2(settings, (line) => process.stderr.write(`bench emulation: ${line} …\n`));
    const result =
      folder === undefined
        ? await measure()
        : await withResultsFolder(folder, async (tempDir) => {
            const measured = await measure();
            const { writeEmulationRun } = await import("../../emulation/harness/write-results.ts");
            writeEmulationRun(tempDir, { measurement: "fig2", options: settings, tables: measured.tables, metrics: measured.metrics, startedAt, loadAverageBefore });
            return measured;
          });
    const out: Record<string, unknown> = Object.fromEntries(Object.entries(result.metrics).map(([k, m]) => [k, m.value]));
    if ("skipped" in result.roaming) out["roamingSkipped"] = result.roaming.skipped;
    out["parallelism"] = parallelism;
    out["image"] = image;
    out["quick"] = base === FIG2_QUICK;
    out["loadAverageBefore"] = loadAverageBefore;
    out["loadAverageAfter"] = loadavg();
    if (options["results"]) out["resultsDir"] = options["results"];
    return out;
  },
  describe(r) {
    if (typeof r["skipped"] === "string") return `emulation: skipped (${r["skipped"]})`;
    const n = (k: string, digits: number): string => (typeof r[k] === "number" ? (r[k] as number).toFixed(digits) : "n/a");
    return [
      `emulation (Fig. 2, ${r["parallelism"]} at once${r["quick"] ? ", quick" : ""}; load average before ${(r["loadAverageBefore"] as number[]).map((x) => x.toFixed(1)).join(" ")}):`,
      `  50 vNFs forwarding after ${n("ready50Seconds", 2)} s (target ≤ 5 s)${typeof r["ready50SequentialSeconds"] === "number" ? `; sequential ${n("ready50SequentialSeconds", 2)} s` : ""}`,
      `  CPU ${n("cpuSecondsPerVnf", 3)} s per vNF instantiated → ${n("cpuBoundReady50Seconds", 2)} s for 50 if this machine did nothing else (lower bound)`,
      `  idle memory ${n("idleMemoryMBPerVnf", 3)} MB per vNF (cgroup memory.usage_in_bytes; target ≤ 2.21 MB); host MemAvailable −${n("hostMemoryMBPerVnf", 2)} MB per vNF`,
      `  added RTT ${n("addedRttMsPerVnf", 3)} ms per vNF (median, least squares; target ≤ 0.3 ms); direct ${n("directRttP50Ms", 3)} ms`,
      typeof r["roamingInterruptionMs"] === "number" ? `  roaming interruption ${n("roamingInterruptionMs", 1)} ms (handover → steering at the new access node)` : `  roaming interruption: not measured (${String(r["roamingSkipped"])})`,
    ].join("\n");
  },
};
