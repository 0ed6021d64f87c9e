export { ContainerBatchModel } from "./batch-start.ts";
export { ContainerBatchRecorder, CONTAINER_BATCH_METRICS, HOST_MEMORY_TABLE } from "./recorder.ts";
export { instantiationSchema, batchHostSchema, type InstantiationConfig, type BatchHostConfig } from "./config.ts";

