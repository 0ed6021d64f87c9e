/**
 * The JSON Schema of scenario files, generated from the zod schema, for editors (YAML language
 * servers read `# yaml-language-server: $schema=./schema.json`). Regenerate with `npm run schema`;
 * a test fails when `scenarios/schema.json` is out of date.
 */
import { z } from "zod";
import { scenarioSchema } from "./schema/scenario.ts";

export function scenarioJsonSchemaText(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any" });
  return `${JSON.stringify({ ...schema, title: "GNF Lab scenario" }, null, 2)}\n`;
}
