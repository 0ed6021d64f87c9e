export { ContainerBatchModel } from "./batch-start.ts";
export { ContainerBatchRecorder } from "./recorder.ts";
export { instantiationSchema, batchHostSchema, type InstantiationConfig, type BatchHostConfig } from "./config.ts";

