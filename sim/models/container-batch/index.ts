export { ContainerBatchModel, type VnfLifecycleRecord, type VnfFailedRecord, type MemoryRecord } from "./batch-start.ts";
export { ContainerBatchRecorder } from "./recorder.ts";
export { instantiationSchema, durationSchema, batchHostSchema, type InstantiationConfig, type BatchHostConfig } from "./config.ts";
export { lognormalByMean } from "./lognormal.ts";
