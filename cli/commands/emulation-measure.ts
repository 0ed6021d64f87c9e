/**
 * `gnf emulation measure <rtt|instantiation|memory>`: one Fig. 2 measurement on the lab
 * (emulation/harness), printed as a summary or JSON, optionally written as a results folder
 * (tidy CSVs, summary.json, manifest.json with world "emulation"). Exit 2 when the lab is missing.
 *
 *   gnf emulation measure rtt --vnfs 4 --samples 200 --interval-ms 10
 *   gnf emulation measure instantiation --count 50 --parallel 6
 *   gnf emulation measure memory --counts 1,10,100
 */
import { loadavg } from "node:os";
import type { Command } from "commander";
import { UserError } from "../../base/errors.ts";
import { parsePositiveInt } from "../parse.ts";
import type { MetricSummary } from "../../base/results/summary.ts";
import { openResultsFolder, withResultsFolder } from "../../base/results/results-folder.ts";
import type { Table } from "../../base/tables.ts";
import { metricFilled, metricOf, type MetricSpec } from "../../base/results/data-dictionary.ts";
import { MEASURE_METRICS } from "../../emulation/harness/measure-outputs.ts";

interface MeasureFlags {
  vnfs: string;
  samples: string;
  intervalMs: string;
  count: string;
  parallel: string;
  counts: string;
  results?: string;
  force?: boolean;
  json?: boolean;
}

const M = MEASURE_METRICS;
const m = (spec: MetricSpec, value: number): MetricSummary => metricOf(spec, value);

async function measure(what: string, flags: MeasureFlags, image: string | undefined): Promise<{ options: unknown; metrics: Record<string, MetricSummary>; tables: Table[] }> {
  const h = await import("../../emulation/harness/index.ts");
  switch (what) {
    case "rtt": {
      const options = { image, maxVnfs: parsePositiveInt(flags.vnfs, "--vnfs"), samples: parsePositiveInt(flags.samples, "--samples"), intervalMs: parsePositiveInt(flags.intervalMs, "--interval-ms") };
      const r = await h.measureIdleRtt(options);
      const metrics: Record<string, MetricSummary> = { addedRttMsPerVnf: m(M.addedRttMsPerVnf, r.addedRttMsPerVnf) };
      for (const p of r.points) {
        const [name, metric] = metricFilled(M["rttP50Ms.<vnfs>"], { vnfs: String(p.vnfs) }, p.p50Ms);
        metrics[name] = metric;
      }
      return { options, metrics, tables: h.rttTables(r) };
    }
    case "instantiation": {
      const options = { image, count: parsePositiveInt(flags.count, "--count"), parallelism: parsePositiveInt(flags.parallel, "--parallel") };
      const r = await h.measureInstantiation(options);
      const metrics: Record<string, MetricSummary> = {
        allForwardingSeconds: m(M.allForwardingSeconds, r.allForwardingSeconds),
        cpuSecondsPerVnf: m(M.cpuSecondsPerVnf, r.cpuSecondsPerVnf),
        cpuBoundReady50Seconds: m(M.cpuBoundReady50Seconds, r.cpuBoundReady50Seconds),
        stopAllSeconds: m(M.stopAllSeconds, r.stopAllSeconds),
        removeAllSeconds: m(M.removeAllSeconds, r.removeAllSeconds),
      };
      if (r.ready50Seconds !== null) metrics["ready50Seconds"] = m(M.ready50Seconds, r.ready50Seconds);
      return { options, metrics, tables: h.instantiationTables([r]) };
    }
    case "memory": {
      const counts = flags.counts.split(",").map((c) => parsePositiveInt(c, "--counts"));
      const options = { image, counts, parallelism: parsePositiveInt(flags.parallel, "--parallel") };
      const r = await h.measureIdleMemory(options);
      const metrics = {
        idleMemoryMBPerVnf: m(M.idleMemoryMBPerVnf, r.usagePerVnfBytes / 1e6),
        idleMemorySlopeMBPerVnf: m(M.idleMemorySlopeMBPerVnf, r.usageSlopeBytesPerVnf / 1e6),
        hostMemoryMBPerVnf: m(M.hostMemoryMBPerVnf, r.hostPerVnfBytes / 1e6),
      };
      return { options, metrics, tables: h.memoryTables(r) };
    }
    default:
      throw new UserError(`emulation measure: unknown measurement "${what}" (expected rtt, instantiation or memory)`);
  }
}

/** Adds `measure` to the `gnf emulation` command. */
export function registerMeasure(emulation: Command): void {
  emulation
    .command("measure")
    .description("measure idle RTT through chained vNFs, instantiation until forwarding, or idle memory")
    .argument("<what>", "rtt | instantiation | memory")
    .option("--vnfs <n>", "rtt: longest chain", "4")
    .option("--samples <n>", "rtt: pings per chain length", "200")
    .option("--interval-ms <ms>", "rtt: ping interval", "10")
    .option("--count <n>", "instantiation: vNFs to create", "50")
    .option("--parallel <k>", "instantiation, memory: vNFs created at once", "6")
    .option("--counts <list>", "memory: numbers of idle vNFs to measure at", "1,2,5,10,20,50,100")
    .option("--results <dir>", "write tidy CSVs, summary.json and manifest.json here")
    .option("--force", "replace an existing non-empty results folder whole (default: refuse it)")
    .option("--json", "print the metrics as one JSON object")
    .action(async (what: string, flags: MeasureFlags) => {
      if (!["rtt", "instantiation", "memory"].includes(what)) throw new UserError(`emulation measure: unknown measurement "${what}" (expected rtt, instantiation or memory)`);
      const { harnessLabStatus } = await import("../../emulation/harness/availability.ts");
      const status = await harnessLabStatus();
      if (!status.ok) throw new UserError(`emulation measure: the lab is missing: ${status.reason}`);
      const { buildImages } = await import("../../emulation/images/build.ts");
      const image = (await buildImages({ kinds: ["wire"] })).find((i) => i.name === "gnf/wire")?.ref;
      const startedAt = new Date();
      const loadAverageBefore = loadavg();
      // Opened (and --results checked) before the measurement; renamed into place whole when complete.
      const folder = flags.results === undefined ? undefined : openResultsFolder(flags.results, { force: flags.force ?? false });
      const work = async (tempDir?: string): Promise<Awaited<ReturnType<typeof measure>>> => {
        const r = await measure(what, flags, image);
        if (tempDir !== undefined) {
          const { writeEmulationRun } = await import("../../emulation/harness/write-results.ts");
          writeEmulationRun(tempDir, { measurement: what, options: r.options, tables: r.tables, metrics: r.metrics, startedAt, loadAverageBefore });
        }
        return r;
      };
      const r = folder === undefined ? await work() : await withResultsFolder(folder, work);
      if (flags.json) process.stdout.write(`${JSON.stringify(Object.fromEntries(Object.entries(r.metrics).map(([k, v]) => [k, v.value])))}\n`);
      else for (const [k, v] of Object.entries(r.metrics)) process.stdout.write(`${k} = ${Number(v.value.toPrecision(4))} ${v.unit}  (${v.description})\n`);
    });
}
