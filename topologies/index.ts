export type { Topology, TopologyNode, TopologyLink, NodeRole } from "./types.ts";
export { haversineM, projectLocal, fibreDelayS, centroid, EARTH_RADIUS_M, FIBRE_SPEED_M_PER_S, type LatLon } from "./geo.ts";
export { PathFinder } from "./paths.ts";
export { importZoo, zooPath, ZOO_NETWORKS, type ZooNetwork, type ZooImport, type ZooOptions } from "./import/zoo.ts";
export { importEuaMelbourne, importIfogsimMelbourne, type EdgeSiteOptions } from "./import/edge-sites.ts";
export { cityTopology, gridTopology, treeTopology, starTopology } from "./generators/generators.ts";
export { topologySchema, buildTopology, TOPOLOGIES, type TopologyConfig } from "./config.ts";
