// @ts-check
/**
 * The layer order of GNF Lab's top-level folders (bottom first). A folder imports only folders of
 * a lower layer (and itself): never one of its own layer (so `sim/` and `emulation/` never import
 * each other) nor one above. `lint/layer-order.js` enforces it; DESIGN.md and the README explain it.
 */
export const LAYERS = {
  base: 0,
  openflow: 1,
  placement: 1,
  topologies: 1,
  orchestrator: 2,
  deployment: 3,
  sim: 4,
  emulation: 4,
  scenarios: 5,
  notebooks: 6,
  ui: 6,
  cli: 7,
  bin: 8,
};

/**
 * Why `importer` may not import `imported` (top-level folder names), or undefined when it may.
 * Files at the repository root (configs) and folders outside the table are not checked as
 * importers; importing a folder outside the table is refused, so a new folder gets a layer first.
 * @param {string} importer
 * @param {string} imported
 * @returns {string | undefined}
 */
export function layerViolation(importer, imported) {
  if (importer === imported) return undefined;
  const from = LAYERS[/** @type {keyof typeof LAYERS} */ (importer)];
  if (from === undefined) return undefined;
  const to = LAYERS[/** @type {keyof typeof LAYERS} */ (imported)];
  if (to === undefined) return `${imported}/ has no layer in lint/layers.js`;
  if (to === from) return `${importer}/ and ${imported}/ are on the same layer (${from}) and never import each other`;
  if (to > from) return `${imported}/ (layer ${to}) is above ${importer}/ (layer ${from})`;
  return undefined;
}
