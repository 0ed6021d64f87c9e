/**
 * `gnf bench long-run [--scenario FILE] [--ues N] [--duration TEXT] [--json]`: memory of a long
 * run. Runs `gnf run FILE --set duration=TEXT --set ues.count=N` in a child process (so nothing
 * else shares its heap), writing the results folder to a temporary folder that is removed
 * afterwards, and reports the child's peak resident set size (getrusage, via a preload) and wall
 * time. Tables stream to disk as rows are produced, so the peak depends on the number of UEs and
 * devices, not on the duration.
 *
 * Target (issue 17): edge-city, 2,000 UEs × 12 h, ≤ 1.5 GB peak RSS (measured: 0.52 GB, 1 min 30 s to 1 min 46 s
 * wall on the 2-core CI machine; before streaming it ran out of heap at 4.5 GB).
 * Not in `gnf bench all` (it runs for minutes and writes ~1.3 GB of CSV).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchDefinition } from "./types.ts";
import { parsePositiveInt } from "../parse.ts";

/** The target of issue 17, MB (10^6 bytes). */
const TARGET_PEAK_RSS_MB = 1500;

export const longRunBench: BenchDefinition = {
  name: "long-run",
  description: "peak RSS and wall time of `gnf run` on a long, large scenario (tables streamed to disk)",
  options: [
    { flags: "--scenario <file>", description: "scenario file", defaultValue: "scenarios/edge-city.yaml" },
    { flags: "--ues <n>", description: "number of UEs (ues.count)", defaultValue: "2000" },
    { flags: "--duration <text>", description: "simulated duration (e.g. 12h, 3600)", defaultValue: "12h" },
  ],
  inAll: false,
  async run(options) {
    const scenario = options["scenario"] ?? "scenarios/edge-city.yaml";
    const ues = parsePositiveInt(options["ues"] ?? "2000", "--ues");
    const duration = options["duration"] ?? "12h";
    const work = mkdtempSync(join(tmpdir(), "gnf-bench-long-run-"));
    try {
      const out = join(work, "out");
      const rssFile = join(work, "peak-rss");
      const started = performance.now();
      const child = spawnSync(
        process.execPath,
        ["--import", fileURLToPath(new URL("./peak-rss.mjs", import.meta.url)), fileURLToPath(new URL("../../bin/gnf.mjs", import.meta.url)), "run", scenario, "--set", `duration=${duration}`, "--set", `ues.count=${ues}`, "--out", out, "-q"],
        { env: { ...process.env, GNF_PEAK_RSS_FILE: rssFile }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
      );
      const wallSeconds = (performance.now() - started) / 1000;
      if (child.status !== 0) throw new Error(`gnf run ${scenario} exited with ${child.status ?? child.signal}: ${child.stderr.trim().split("\n").slice(-5).join("\n")}`);
      const peakRssMB = (Number(readFileSync(rssFile, "utf8")) * 1024) / 1e6;
      const outputBytes = readdirSync(out).reduce((sum, f) => sum + statSync(join(out, f)).size, 0);
      return { scenario, ues, duration, wallSeconds, peakRssMB, outputMB: outputBytes / 1e6, targetPeakRssMB: TARGET_PEAK_RSS_MB, withinTarget: peakRssMB <= TARGET_PEAK_RSS_MB };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
  describe(r) {
    return `long run: ${r["scenario"]}, ${r["ues"]} UEs × ${r["duration"]}: peak RSS ${Math.round(Number(r["peakRssMB"]))} MB (target ≤ ${r["targetPeakRssMB"]} MB: ${r["withinTarget"] ? "met" : "MISSED"}), ${Number(r["wallSeconds"]).toFixed(1)} s wall, ${Math.round(Number(r["outputMB"]))} MB of results`;
  },
};
