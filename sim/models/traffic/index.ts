export { queueDelay, type QueueModel, type QueueDelay } from "./queueing.ts";
export { flowSchema, meanPacketRate, meanBitRate, packetArrivals, type Flow } from "./flows.ts";
export { flowLatency, type ChainStage, type FlowLatency } from "./latency.ts";
export { CoreUtilisation } from "./core-utilisation.ts";
