// @ts-check
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";

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
    // Determinism (DESIGN.md rule 2): no wall clock or unseeded randomness in the model code.
    files: ["sim/**/*.ts", "placement/**/*.ts", "orchestrator/**/*.ts"],
    ignores: ["**/*.test.ts", "**/bench*.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Use a seeded stream from sim/engine/rng.ts." },
        { object: "Date", property: "now", message: "Models never read the wall clock; use env.now." },
        { object: "performance", property: "now", message: "Models never read the wall clock; use env.now." },
      ],
      "no-restricted-globals": ["error", "setTimeout", "setInterval"],
    },
  },
);
