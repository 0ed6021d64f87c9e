export { buildRelay, checkRelayToolchain, RELAY_BINARY, RELAY_BUILD_DIR, RELAY_SOURCE } from "./build.ts";
export { DelayRelay, DelayRelayError, type DelayRelayOptions, type ProcessNetns, type RelayCounters, type RelayReport } from "./delay-relay.ts";
export { DelayLink, type DelayLinkEnd, type DelayLinkOptions } from "./delay-link.ts";
export { relayLabStatus } from "./availability.ts";
export { parsePing, parseIperf3, processCpuSeconds, type PingStats } from "./measure.ts";
export { applyRateLimit, tbfArgs, type Exec, type RateLimit } from "./rate-limit.ts";
