/** `npm run dictionary`: rewrites the data dictionary section of results/README.md from the recorders' specs. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dictionaryMarkdown } from "../base/results/data-dictionary.ts";
import { writeFileAtomic } from "../base/results/atomic-write.ts";
import { OUTPUT_SECTIONS, withDictionarySection } from "./outputs-dictionary.ts";

const file = fileURLToPath(new URL("../results/README.md", import.meta.url));
writeFileAtomic(file, withDictionarySection(readFileSync(file, "utf8"), dictionaryMarkdown(OUTPUT_SECTIONS)));
