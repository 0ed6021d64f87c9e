/** `npm run schema`: writes scenarios/schema.json from the zod schema. */
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "../base/results/atomic-write.ts";
import { scenarioJsonSchemaText } from "./json-schema.ts";

writeFileAtomic(fileURLToPath(new URL("./schema.json", import.meta.url)), scenarioJsonSchemaText());
