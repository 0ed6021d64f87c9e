export { VNF_TYPE_NAMES, vnfTypeSchema, type VnfType, type VnfTypeName } from "../../../deployment/vnfs/types.ts";
export { VNF_CATALOG, vnfCatalog, stateTransferSeconds } from "../../../deployment/vnfs/catalog.ts";
export { vnfOverridesSchema, vnfOverrideSchema, type VnfOverrides } from "../../../deployment/vnfs/config.ts";
export { VnfHost, type VnfRecord, type VnfFailure, type MemoryRecord, type CpuLoadRecord, type VnfHostOptions } from "./host.ts";
