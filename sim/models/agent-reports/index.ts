export {
  Agents,
  type ClientEvent,
  type UeConnectedReport,
  type UeDisconnectedReport,
  type UeHandoverReport,
  type DeviceReport,
  type DeviceLoadSample,
  type DeviceLoadSource,
} from "./agents.ts";
export { agentsSchema, type AgentsConfig } from "./config.ts";
