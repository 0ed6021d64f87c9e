export { steer, EMPTY_STEERING, type SteeringState, type SteeringEvent, type SteeringResult, type SwitchMessages, type InstalledChain } from "./app.ts";
export { SteeringDriver } from "./driver.ts";
export { chainStages, stageMatch, chainFlowMods, validateChain, checkNoAmbiguity, type SteeringChain, type SteeringHop, type ChainStage } from "./chain.ts";
export { chainCookie, parseChainCookie, STEERING_TAG, TAG_MASK, CHAIN_MASK, VERSION_MASK } from "./cookies.ts";
export { flowAdd, deleteByCookie, portPatch, barrier, ALL_ONES_64 } from "./flow-mods.ts";
export { FlowTable, FlowModRejected, outputsOf, type FlowEntry } from "./flow-table.ts";
export { sameMatch, covers, overlaps, matchesPacket, constraintsOf, fieldToBigInt, type PacketFields, type FieldConstraint } from "./match-math.ts";
