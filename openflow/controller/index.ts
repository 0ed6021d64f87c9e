export { Controller, type ControllerOptions } from "./server.ts";
export { SwitchConnection, type ConnectionOptions } from "./connection.ts";
export { OpenFlowError, RequestTimeout, ConnectionClosed } from "./errors.ts";
