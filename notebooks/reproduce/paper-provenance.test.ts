import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { paperProvenanceProblem, quotations } from "./paper-provenance.ts";
import type { SourcedValue } from "./figure.ts";

const PAPER_DIR = fileURLToPath(new URL("../../../shared/paper", import.meta.url));
const paper = readdirSync(PAPER_DIR)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(join(PAPER_DIR, f), "utf8"))
  .join("\n");

const value = (v: number, origin: string): SourcedValue => ({ quantity: "q", value: v, unit: "s", source: "paper", origin });

describe("paper provenance", () => {
  it("accepts a number the quoted paper sentence contains", () => {
    expect(quotations("§IV: “50 container vNFs can be created and started in 10 seconds”")).toEqual(["50 container vNFs can be created and started in 10 seconds"]);
    expect(paperProvenanceProblem(value(10, "§IV: “50 container vNFs can be created and started in 10 seconds”"), paper)).toBeNull();
    expect(paperProvenanceProblem(value(2.21, '"the idle memory requirement for one container is about 2.21MB"'), paper)).toBeNull();
  });

  it("rejects a number the paper does not state, a quotation the paper does not contain, and no quotation at all", () => {
    expect(paperProvenanceProblem(value(9.8, "§IV: “50 container vNFs can be created and started in 10 seconds”"), paper)).toMatch(/contains 9.8/);
    expect(paperProvenanceProblem(value(3.4, "“an Intel i7 at 3.4 GHz”"), paper)).toMatch(/no quotation/);
    expect(paperProvenanceProblem(value(10, "the paper, §IV"), paper)).toMatch(/needs the paper's words/);
    expect(paperProvenanceProblem(value(1, "“created and started in 10 seconds”"), paper)).not.toBeNull(); // 1 is not 10
  });
});
