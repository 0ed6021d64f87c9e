// @ts-check
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";
import gnf from "./lint/layer-order.js";

export default tseslint.config(
  { ignores: ["node_modules/**", "results/**", "bench/results*.json", "**/*.d.ts"] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["bin/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": "off",
    },
  },
  {
    // Layers run one way (lint/layers.js): a folder imports only folders below it.
    files: ["**/*.ts", "**/*.mjs", "**/*.js"],
    plugins: { gnf },
    rules: { "gnf/layer-order": "error" },
  },
  {
    // Determinism (DESIGN.md rule 2): no wall clock or unseeded randomness in the model code.
    files: ["sim/**/*.ts", "placement/**/*.ts", "orchestrator/**/*.ts", "deployment/**/*.ts", "base/rng.ts", "base/stats/**/*.ts"],
    ignores: ["**/*.test.ts", "**/bench*.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Use a seeded stream from base/rng.ts." },
        { object: "Date", property: "now", message: "Models never read the wall clock; use env.now." },
        { object: "performance", property: "now", message: "Models never read the wall clock; use env.now." },
      ],
      "no-restricted-globals": ["error", "setTimeout", "setInterval"],
    },
  },
);
