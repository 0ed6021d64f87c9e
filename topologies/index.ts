export type { Topology, TopologyNode, TopologyLink, NodeRole } from "./types.ts";
export { haversineM, projectLocal, fibreDelayS, centroid, EARTH_RADIUS_M, FIBRE_SPEED_M_PER_S, type LatLon } from "./geo.ts";
export { PathFinder } from "./paths.ts";
export { latencyMatrix, accessNodeIds, hostNodeIds, type LatencyMatrix } from "./latency-matrix.ts";
export { checkTopology } from "./check.ts";
export { hostCapacities } from "./hosts.ts";
export { importZoo, zooPath, ZOO_NETWORKS, type ZooNetwork, type ZooImport, type ZooOptions } from "./import/index.ts";
export { importEuaMelbourne, importIfogsimMelbourne, parseCsv, type EdgeSiteOptions } from "./import/index.ts";
export { cityTopology, gridTopology, treeTopology, starTopology } from "./generators/index.ts";
export { topologySchema, buildTopology, TOPOLOGIES, type TopologyConfig, type TopologyType } from "./config.ts";
export {
  loadDeviceCatalog,
  catalogCapacities,
  deviceCapacity,
  capacityOf,
  loadDeviceCapacities,
  ARCHITECTURE_FACTORS,
  REFERENCE_CLOCK_GHZ,
  DEVICE_CATEGORIES,
  DEFAULT_CATALOG_PATH,
  type DeviceCapacity,
  type DeviceCatalogData,
  type DeviceSpec,
  type DeviceCategory,
  type Architecture,
} from "./devices/index.ts";
