/**
 * Streaming a run's tables to disk (`gnf run`) writes the same results folder, byte for byte, as
 * holding them in memory: the shipped scenarios, several replications, tally samples spilled to
 * disk. And a streamed run holds no per-observation rows in memory.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { runReplications } from "../sim/run/replications.ts";
import { loadScenarioFile } from "./load.ts";
import { writeRunFolder } from "./run-folder.ts";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "gnf-streamed-run-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const WALL = { startedAt: "2026-01-01T00:00:00.000Z", finishedAt: "2026-01-01T00:00:01.000Z", seconds: 1 };

/** Runs `name` with `overrides` in memory and streamed; returns both folders and the streamed result. */
async function bothWays(name: string, overrides: string[]) {
  const loaded = loadScenarioFile(fileURLToPath(new URL(`./${name}.yaml`, import.meta.url)), { overrides });
  const memoryDir = tempDir();
  const inMemory = await runReplications(loaded.scenario);
  writeRunFolder(memoryDir, { loaded, result: inMemory, overrides, wall: WALL });
  const streamedDir = join(tempDir(), "out");
  // A tiny sample limit: the latency tallies spill to disk, as on a long run.
  const streamed = await runReplications(loaded.scenario, { tableDir: streamedDir, sampleMemoryLimit: 50 });
  writeRunFolder(streamedDir, { loaded, result: streamed, overrides, wall: WALL });
  return { memoryDir, streamedDir, streamed };
}

function expectSameFolders(a: string, b: string): void {
  const files = readdirSync(a).sort();
  expect(readdirSync(b).sort()).toEqual(files); // no hidden stream or spill file left behind
  for (const f of files) expect(readFileSync(join(b, f), "utf8"), f).toBe(readFileSync(join(a, f), "utf8"));
}

describe("a streamed run", () => {
  it.each([
    ["default", ["replications=2"]],
    ["roaming", ["replications=2"]],
    ["edge-city", ["duration=3 min", "ues.count=25", "replications=2"]],
    ["ddos-iot", []],
  ])("writes the same folder as the in-memory writer: %s %j", async (name, overrides) => {
    const { memoryDir, streamedDir, streamed } = await bothWays(name, overrides);
    expectSameFolders(memoryDir, streamedDir);
    // The per-observation tables went to disk, not to memory.
    const latency = streamed.tables.find((t) => t.name === "ue_latency");
    expect(latency?.rows).toEqual([]);
    expect(latency?.streamed?.rows).toBeGreaterThan(50);
    for (const run of streamed.runs) for (const t of run.tables.filter((x) => x.streamed)) expect(t.rows).toEqual([]);
  }, 60_000);
});
