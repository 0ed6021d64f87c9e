import path from "node:path";
import { fileURLToPath } from "node:url";
import { RuleTester } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { layerOrder } from "./layer-order.js";
import { LAYERS, layerViolation } from "./layers.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const at = (file: string): string => path.join(ROOT, file);

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module" } });

tester.run("gnf/layer-order", layerOrder, {
  valid: [
    { filename: at("sim/world/w.ts"), code: 'import { Manager } from "../../orchestrator/manager.ts";' },
    { filename: at("emulation/backend/b.ts"), code: 'import { round6 } from "../../deployment/rounding.ts";' },
    { filename: at("sim/world/w.ts"), code: 'import { x } from "../engine/environment.ts";' },
    { filename: at("cli/main.ts"), code: 'export * from "../sim/run/run-scenario.ts";' },
    { filename: at("base/errors.ts"), code: 'import { z } from "zod";' },
    { filename: at("vitest.config.ts"), code: 'import { x } from "./sim/a.ts";' },
  ],
  invalid: [
    { filename: at("emulation/backend/b.ts"), code: 'import { x } from "../../sim/run/types.ts";', errors: [{ messageId: "upward" }] },
    { filename: at("sim/world/w.ts"), code: 'import type { S } from "../../scenarios/schema/scenario.ts";', errors: [{ messageId: "upward" }] },
    { filename: at("topologies/a.ts"), code: 'export { UserError } from "../cli/errors.ts";', errors: [{ messageId: "upward" }] },
    { filename: at("openflow/x/y.ts"), code: 'const lab = await import("../../emulation/lab/index.ts");', errors: [{ messageId: "upward" }] },
    { filename: at("placement/p.ts"), code: 'import { t } from "../topologies/types.ts";', errors: [{ messageId: "upward" }] },
    { filename: at("base/b.ts"), code: 'import { t } from "../nowhere/x.ts";', errors: [{ messageId: "upward" }] },
  ],
});

describe("layer table", () => {
  it("orders the folders as DESIGN.md and the README say", () => {
    expect(Object.entries(LAYERS).map(([f, l]) => `${l}:${f}`).join(" ")).toBe(
      "0:base 1:openflow 1:placement 1:topologies 2:orchestrator 3:deployment 4:sim 4:emulation 5:scenarios 6:notebooks 6:ui 7:cli 8:bin",
    );
    expect(layerViolation("sim", "emulation")).toMatch(/same layer/);
    expect(layerViolation("deployment", "sim")).toMatch(/above/);
    expect(layerViolation("sim", "deployment")).toBeUndefined();
  });
});
