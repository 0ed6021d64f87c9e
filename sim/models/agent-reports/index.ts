export { Agents, type ClientEvent, type DeviceReport } from "./agents.ts";
