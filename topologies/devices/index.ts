export { ARCHITECTURE_FACTORS, ARCHITECTURES, REFERENCE_CLOCK_GHZ, type Architecture } from "./architecture.ts";
export { loadDeviceCatalog, DEFAULT_CATALOG_PATH, DEVICE_CATEGORIES, type DeviceCatalogData, type DeviceSpec, type DeviceCategory } from "./catalog.ts";
export { deviceCapacity, catalogCapacities, capacityOf, loadDeviceCapacities, type DeviceCapacity } from "./capacity.ts";
