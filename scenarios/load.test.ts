import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { UserError } from "../base/errors.ts";
import { loadScenarioFile, loadScenarioText } from "./load.ts";
import { scenarioSchema } from "./schema/scenario.ts";

const BAD = join(fileURLToPath(new URL(".", import.meta.url)), "testdata", "bad");

/** Every bad file and the exact message a user reads (after the file path). */
const EXPECTED: Record<string, string> = {
  "01-syntax-error.yaml": ":3:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
  "02-duration-not-time.yaml": ':2:11: duration: expected a time in seconds (a number, or a string like "90 s", "10 min", "1 h"), found "fast" (a string)',
  "03-unknown-top-key.yaml": `:2:1: seeed: unknown key (did you mean "seed"?) (allowed keys: ${Object.keys(scenarioSchema.shape).join(", ")})`,
  "04-negative-duration.yaml": ":2:11: duration: expected a positive time in seconds, found -5 (a number)",
  "05-empty.yaml": ': the scenario file is empty (expected a mapping of keys, e.g. "name: my-scenario")',
  "06-seed-not-integer.yaml": ":2:7: seed: expected an integer, found 1.5 (a number)",
  "07-negative-seed.yaml": ":2:7: seed: expected a number >= 0, found -1 (a number)",
  "08-missing-name.yaml": ":1:1: name: missing required key (expected a string)",
  "09-top-level-list.yaml": ":1:1: (top level): expected a mapping of scenario keys, found a list",
  "10-zero-replications.yaml": ":2:15: replications: expected a number >= 1, found 0 (a number)",
  "11-unknown-nested-key.yaml": ':3:3: outputs.directroy: unknown key (did you mean "directory"?) (allowed keys: directory, sampleInterval)',
  "12-duplicate-key.yaml": ":2:1: YAML syntax error: Map keys must be unique",
  "13-bad-name.yaml": `:1:7: name: expected a name of letters, digits, '.', '_' or '-' (it names the results folder), found "my scenario!" (a string)`,
  "14-outputs-not-mapping.yaml": ':2:10: outputs: expected a mapping, found "results" (a string)',
  "15-zero-duration.yaml": ":2:11: duration: expected a positive time in seconds, found 0 (a number)",
  "16-replications-string.yaml": ':2:15: replications: expected a number, found "3" (a string)',
  "17-tab-indent.yaml": ":2:1: YAML syntax error: Tabs are not allowed as indentation",
  "18-scalar-document.yaml": ':1:1: (top level): expected a mapping of scenario keys, found "just a sentence"',
  "19-bad-unit.yaml": ':3:19: outputs.sampleInterval: expected a time in seconds (a number, or a string like "90 s", "10 min", "1 h"), found "2 weeks" (a string)',
};

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error("expected a ScenarioError");
}

describe("bad scenario files", () => {
  const files = readdirSync(BAD).filter((f) => f.endsWith(".yaml")).sort();

  it("has an expected message for every bad file (and at least 15 of them)", () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  for (const file of files) {
    it(`rejects ${file}`, () => {
      const path = join(BAD, file);
      expect(messageOf(() => loadScenarioFile(path))).toBe(`${path}${EXPECTED[file]}`);
    });
  }

  it("names a missing file", () => {
    expect(messageOf(() => loadScenarioFile("/nonexistent/x.yaml"))).toBe("/nonexistent/x.yaml: no such scenario file");
  });

  it("refuses a directory", () => {
    expect(messageOf(() => loadScenarioFile(BAD))).toBe(`${BAD}: is a directory, expected a scenario file (.yaml)`);
  });

  it("lists every problem of a file with several", () => {
    const message = messageOf(() => loadScenarioText("name: x\nduration: -1\nseed: a\n", "s.yaml"));
    expect(message).toBe(
      "s.yaml: 2 problems:\n" +
        "  s.yaml:3:7: seed: expected a number, found \"a\" (a string)\n" +
        "  s.yaml:2:11: duration: expected a positive time in seconds, found -1 (a number)",
    );
  });
});

describe("valid scenarios", () => {
  it("fills in defaults", () => {
    const { scenario, sha256 } = loadScenarioText("name: tiny\n", "tiny.yaml");
    expect(scenario).toEqual({
      name: "tiny",
      seed: 1,
      duration: 600,
      replications: 1,
      outputs: { directory: "results", sampleInterval: 10 },
      ues: { count: 10, mobility: { model: "random-waypoint", minSpeed: 0.5, maxSpeed: 1.5, pause: 30 }, step: 1 },
      radio: { txPowerDbm: 20, sensitivityDbm: -85, referenceDistanceM: 1, referenceLossDb: 40, exponent: 3, shadowingDb: 0, shadowingDecorrelationM: 50, hysteresisDb: 3, timeToTriggerS: 2 },
      traffic: [],
      vnfs: {},
      latency: { queueModel: "mm1", bufferPackets: 1000 },
      chains: [],
      ueChains: [],
      manager: { ueMobility: "follow", migration: "make-before-break", utilisationThreshold: 0.15, overloadThreshold: 0.9, replacementPeriod: 0 },
      placement: {
        algorithm: "nearest-edge",
        ilp: { initialCandidates: 8, timeLimitS: 60 },
        replacement: { policy: "static", periodSlots: 10, toleratedViolations: 10 },
        latencyBounds: {},
      },
      control: { processingS: 0.002, flowModS: 2e-5 },
    });
    expect(sha256).toBe(createHash("sha256").update("name: tiny\n").digest("hex"));
  });

  it("accepts durations with units", () => {
    expect(loadScenarioText("name: u\nduration: 1.5 h\n", "u.yaml").scenario.duration).toBe(5400);
    expect(loadScenarioText("name: u\nduration: 250ms\n", "u.yaml").scenario.duration).toBe(0.25);
    expect(loadScenarioText("name: u\nduration: 10 min\n", "u.yaml").scenario.duration).toBe(600);
  });

  it("applies --set overrides, including new nested keys", () => {
    const { scenario } = loadScenarioText("name: o\nduration: 5\n", "o.yaml", {
      overrides: ["duration=60", "outputs.directory=/tmp/elsewhere", "replications=3"],
    });
    expect(scenario.duration).toBe(60);
    expect(scenario.outputs.directory).toBe("/tmp/elsewhere");
    expect(scenario.replications).toBe(3);
  });

  it("blames the --set flag, not the file, for a bad override", () => {
    expect(messageOf(() => loadScenarioText("name: o\n", "o.yaml", { overrides: ["duration=soon"] }))).toBe(
      '--set duration=soon: duration: expected a time in seconds (a number, or a string like "90 s", "10 min", "1 h"), found "soon" (a string)',
    );
    expect(messageOf(() => loadScenarioText("name: o\n", "o.yaml", { overrides: ["duration"] }))).toBe(
      "--set duration: expected key.path=value (e.g. --set duration=60)",
    );
    expect(messageOf(() => loadScenarioText("name: o\n", "o.yaml", { overrides: ["a..b=1"] }))).toBe(
      '--set a..b=1: "a..b" is not a key path (expected keys separated by dots, e.g. ues.mobility.speed or chains[0].priority)',
    );
  });
});
