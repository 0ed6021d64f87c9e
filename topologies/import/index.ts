export { importZoo, zooPath, ZOO_NETWORKS, type ZooNetwork, type ZooImport, type ZooOptions } from "./zoo.ts";
export { importEuaMelbourne, importIfogsimMelbourne, type EdgeSiteOptions } from "./edge-sites.ts";
export { parseCsv } from "../../base/results/csv.ts";
