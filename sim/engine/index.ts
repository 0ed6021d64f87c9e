export { Environment, EmptySchedule, type RunOptions } from "./environment.ts";
export { Event, Timeout, Interrupt, URGENT, NORMAL, type Callback } from "./event.ts";
export { Process, type ProcessGenerator } from "./process.ts";
export { AllOf, AnyOf, Condition, ConditionValue } from "./condition.ts";
export { RngStreams, RandomStream, replicationSeed, type UniformSource } from "../../base/rng.ts";
export * from "./resources/index.ts";
export * from "../../base/stats/index.ts";
export { TraceSource, TableRecorder, type TraceListener } from "../../base/trace.ts";
