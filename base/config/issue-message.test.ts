import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseYamlConfig, ConfigError } from "./load-yaml.ts";
import { rangeText } from "./issue-message.ts";
import { numberRangeAt } from "./schema-walk.ts";

const schema = z
  .object({
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    share: z.number().gt(0).max(1).default(0.5),
    count: z.number().int().min(1).optional(),
    mode: z.discriminatedUnion("kind", [z.object({ kind: z.literal("static") }).strict(), z.object({ kind: z.literal("random-walk"), speed: z.number().min(0).max(100) }).strict()]).optional(),
    either: z.union([z.number(), z.string()]).optional(),
  })
  .strict();

function problems(text: string, overrides: string[] = []): string[] {
  try {
    parseYamlConfig(schema, text, "t.yaml", { what: "test", overrides });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe("zod issues in our words", () => {
  it("states one range per number key, however many checks fail", () => {
    expect(problems("seed: 1e20\n")).toEqual(["t.yaml:1:7: seed: expected an integer from 0 to 4294967295, found 100000000000000000000 (a number)"]);
    expect(problems("seed: -1\n")).toEqual(["t.yaml:1:7: seed: expected an integer from 0 to 4294967295, found -1 (a number)"]);
    expect(problems("seed: 1.5\n")).toEqual(["t.yaml:1:7: seed: expected an integer from 0 to 4294967295, found 1.5 (a number)"]);
    expect(problems("share: 0\n")).toEqual(["t.yaml:1:8: share: expected a number > 0 and <= 1, found 0 (a number)"]);
    expect(problems("count: 0\n")).toEqual(["t.yaml:1:8: count: expected an integer >= 1, found 0 (a number)"]);
    expect(problems("mode: { kind: random-walk, speed: 101 }\n")).toEqual(["t.yaml:1:35: mode.speed: expected a number from 0 to 100, found 101 (a number)"]);
  });

  it("lists a discriminator's accepted values, with a did-you-mean", () => {
    expect(problems("mode: { kind: statc }\n")).toEqual(['t.yaml:1:15: mode.kind: expected one of "static", "random-walk", found "statc" (a string) (did you mean "static"?)']);
    expect(problems("mode: {}\n")).toEqual(['t.yaml:1:7: mode.kind: missing required key (expected one of "static", "random-walk")']);
  });

  it("says an empty value is empty, from the file or from --set", () => {
    expect(problems("seed:\n")).toEqual(["t.yaml:1:6: seed: the value is empty (expected an integer from 0 to 4294967295)"]);
    expect(problems("either: 1\n", ["either="])).toEqual(["--set either=: either: the value is empty (expected a number or a string)"]);
  });

  it("words ranges of every shape", () => {
    expect(rangeText({ integer: true })).toBe("an integer");
    expect(rangeText({ integer: false, max: { value: 5, inclusive: false } })).toBe("a number < 5");
    expect(numberRangeAt(schema, ["share"])).toEqual({ integer: false, min: { value: 0, inclusive: false }, max: { value: 1, inclusive: true } });
    expect(numberRangeAt(schema, ["mode"])).toBeUndefined();
  });
});

describe("unions and record keys in our words", () => {
  const union = z
    .object({
      vnfs: z.array(z.union([z.string(), z.object({ type: z.string(), params: z.record(z.string(), z.unknown()).default({}) }).strict()])).optional(),
      topo: z.discriminatedUnion("type", [z.object({ type: z.literal("grid"), rows: z.number() }).strict(), z.object({ type: z.literal("star"), arms: z.number() }).strict()]).optional(),
      devices: z.record(z.string().regex(/^[a-z-]+$/, "expected a key of lower-case letters and dashes"), z.number()).optional(),
    })
    .strict();
  const lines = (text: string): string[] => {
    try {
      parseYamlConfig(union, text, "u.yaml", { what: "test" });
    } catch (err) {
      if (err instanceof ConfigError) return err.problems;
      throw err;
    }
    return [];
  };

  it("names the key inside the form the value meant, never 'invalid input'", () => {
    expect(lines("vnfs: [{ type: ids, params: 5 }]\n")).toEqual(["u.yaml:1:29: vnfs[0].params: expected a mapping, found 5 (a number)"]);
    expect(lines("vnfs: [{ params: {} }]\n")).toEqual(["u.yaml:1:8: vnfs[0].type: missing required key (expected a string)"]);
    expect(lines("vnfs: [{ type: ids, parms: {} }]\n")).toEqual(['u.yaml:1:21: vnfs[0].parms: unknown key (did you mean "params"?) (allowed keys: type, params)']);
  });

  it("lists the keys of the form a discriminator picks", () => {
    expect(lines("topo: { type: star, arm: 3 }\n")).toEqual([
      "u.yaml:1:7: topo.arms: missing required key (expected a number)",
      'u.yaml:1:21: topo.arm: unknown key (did you mean "arms"?) (allowed keys: type, arms)',
    ]);
  });

  it("words a bad record key by its rule", () => {
    expect(lines('devices: { "Big Box": 1 }\n')).toEqual(['u.yaml:1:23: devices.Big Box: expected a key of lower-case letters and dashes as the key, found "Big Box"']);
  });
});
