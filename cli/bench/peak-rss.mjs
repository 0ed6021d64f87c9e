// Preloaded (`node --import`) by `gnf bench long-run` into the `gnf run` it measures: on exit, writes
// the process's peak resident set size (getrusage ru_maxrss, kB) to the file named by
// GNF_PEAK_RSS_FILE.
import { writeFileSync } from "node:fs";
import process from "node:process";

const file = process.env["GNF_PEAK_RSS_FILE"];
if (file) process.once("exit", () => writeFileSync(file, `${process.resourceUsage().maxRSS}\n`));
