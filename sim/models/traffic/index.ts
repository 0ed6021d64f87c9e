export { flowSchema, trafficSchema, type Flow, type OnOffFlow } from "../../../deployment/traffic/flow-config.ts";
export { queueModelSchema, latencySchema, type LatencyConfig } from "./latency-config.ts";
export { queueDelay, type QueueModel, type QueueDelay } from "./queueing.ts";
export { meanPacketRate, meanBitRate, peakPacketRate, activeFraction, periodLength, rateChanges, packetArrivals } from "./flows.ts";
export { flowLatency, type ChainStage, type FlowLatency } from "./latency.ts";
export { CoreUtilisation, chainRoute, type CoreLoadRecord } from "./core-utilisation.ts";
