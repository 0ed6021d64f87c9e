export { VNF_TYPE_NAMES, vnfTypeSchema, type VnfType, type VnfTypeName } from "./types.ts";
export { VNF_CATALOG, vnfCatalog, stateTransferSeconds } from "./catalog.ts";
export { vnfOverridesSchema, vnfOverrideSchema, type VnfOverrides } from "./config.ts";
export { VnfHost, type VnfRecord, type VnfFailure, type MemoryRecord, type CpuLoadRecord, type VnfHostOptions } from "./host.ts";
