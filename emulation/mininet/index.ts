export { MininetNet, type MnHostOptions, type MnSwitchOptions, type MnLinkOptions, type MnLink, type MnIntf, type MnNodeInfo, type ExecResult, type MoveResult } from "./net.ts";
export { DriverChannel, MININET_PYTHON, DRIVER_SCRIPT, type Answer, type DriverEvent } from "./channel.ts";
export { removeWithoutDriver, emptyCreated, type CreatedObjects } from "./fallback.ts";
export { MininetError, MininetTimeout, MininetDriverExited } from "./errors.ts";
export { mininetLabStatus } from "./availability.ts";
