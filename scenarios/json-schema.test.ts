import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchemaText } from "./json-schema.ts";

describe("scenarios/schema.json", () => {
  it("is up to date with the zod schema (run `npm run schema` after changing it)", () => {
    const committed = readFileSync(new URL("./schema.json", import.meta.url), "utf8");
    expect(committed).toBe(scenarioJsonSchemaText());
  });

  it("rejects unknown keys and requires a name", () => {
    const schema = JSON.parse(scenarioJsonSchemaText()) as { additionalProperties: boolean; required: string[] };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toContain("name");
  });
});
