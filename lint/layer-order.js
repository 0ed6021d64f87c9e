// @ts-check
/**
 * ESLint rule `gnf/layer-order`: every relative import (static, dynamic, re-export) must point
 * down the layer order of `lint/layers.js`. The import is resolved against the importing file, so
 * `../../sim/x.ts` from `emulation/a/b.ts` is seen as emulation → sim, whatever the depth.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { layerViolation } from "./layers.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Top-level folder of an absolute path inside the repository ("" for root files, undefined outside). */
function topFolder(absolute) {
  const rel = path.relative(ROOT, absolute);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0] : "";
}

/** @type {import("eslint").Rule.RuleModule} */
export const layerOrder = {
  meta: {
    type: "problem",
    docs: { description: "imports run down the layer order of lint/layers.js" },
    schema: [],
    messages: { upward: "import of {{target}} runs against the layer order: {{why}}" },
  },
  create(context) {
    const importer = topFolder(path.resolve(context.filename));
    if (!importer) return {};
    /** @param {any} node @param {any} source */
    const check = (node, source) => {
      if (!source || source.type !== "Literal" || typeof source.value !== "string" || !source.value.startsWith(".")) return;
      const imported = topFolder(path.resolve(path.dirname(path.resolve(context.filename)), source.value));
      if (imported === undefined || imported === "") return;
      const why = layerViolation(importer, imported);
      if (why) context.report({ node, messageId: "upward", data: { target: source.value, why } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { rules: { "layer-order": layerOrder } };
