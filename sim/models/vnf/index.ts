export { VNF_CATALOG, vnfCatalog, vnfOverridesSchema, type VnfType } from "./catalog.ts";
export { VnfHost, type VnfRecord, type VnfFailure } from "./host.ts";
