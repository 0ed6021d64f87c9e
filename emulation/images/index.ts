export { VNF_KINDS, BASE_IMAGE, NET_IMAGE, IMAGE_PATH, vnfImageInfo, vnfRecipe, isVnfKind, type VnfKind, type VnfImageInfo, type LayerRecipe } from "./catalog.ts";
export { buildImages, type BuildImagesOptions, type BuiltImage } from "./build.ts";
export { parseLdd, sharedLibraries } from "./ldd.ts";
export { hashLayer, TAG_LENGTH, type LayerEntry } from "./layer-plan.ts";
export { basePlan, layerPlan, dockerfile, SCRIPTS_DIR } from "./plans.ts";
export { vnfEnvironment, type VnfParams, type VnfSpec, type FirewallRule } from "./params.ts";
