export { run, hasCommand, LabCommandError, type RunResult } from "./run.ts";
export { RUN_PREFIX, labName } from "./names.ts";
export { Teardown, type UndoStep } from "./teardown.ts";
export { Namespace, listNamespaces } from "./namespace.ts";
export { VethPair } from "./veth.ts";
export { OvsBridge, listBridges } from "./ovs-bridge.ts";
export { ovsLabStatus, labRequired, type LabStatus } from "./availability.ts";
export { OvsTestbed, ping, type TestbedHost, type TestbedVnf } from "./testbed.ts";
