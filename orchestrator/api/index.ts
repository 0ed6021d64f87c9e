export { createApiServer, API_ROUTES, DEFAULT_API_HOST, type ApiServer, type ApiServerOptions } from "./server.ts";
export { FakeLiveRun, type FakeLiveRunOptions } from "./fake-live-run.ts";
export { ApiError, type ApiErrorBody, type ApiIssue } from "./errors.ts";
export { PlacementControl, type PlacementRequest, type SwitchOutcome } from "./placement-control.ts";
export { chainRequestSchema } from "./routes/chains.ts";
export { placementRequestSchema } from "./routes/placement.ts";
