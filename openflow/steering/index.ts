export { chainFlowMods, installChain, removeChain, portPatch, flowAdd, deleteByCookie, chainCookie, type SteeringChain, type SteeringHop } from "./chain.ts";
export { FlowTable, outputsOf, type FlowEntry, type PacketFields } from "./flow-table.ts";
