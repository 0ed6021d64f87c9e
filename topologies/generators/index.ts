export { cityTopology } from "./city.ts";
export { gridTopology } from "./grid.ts";
export { treeTopology } from "./tree.ts";
export { starTopology } from "./star.ts";
export { TopologyBuilder, addBackbone, type BackboneParams } from "./build.ts";
export { cityParams, gridParams, treeParams, starParams, commonParams, type CityParams, type GridParams, type TreeParams, type StarParams } from "./params.ts";
