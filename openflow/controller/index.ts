export { Controller, type ControllerOptions } from "./server.ts";
export { SwitchConnection, type ConnectionOptions } from "./connection.ts";
export { OpenFlowError, RequestTimeout, ConnectionClosed, BatchFailed, type BatchFailure } from "./errors.ts";
export type { ConnectionEvents, ControllerEvents } from "./events.ts";
export type { Reply } from "./pending-requests.ts";
export { FakeSwitch, type Responder } from "./fake-switch.ts";
