export { ContainerVnf, RUN_LABEL, type ContainerVnfOptions, type VnfTimings } from "./container-vnf.ts";
export { parseReport, type VnfReport, type VnfReady, type VnfNotification, type VnfMeasurement, type VnfErrorReport } from "./reports.ts";
export { cgroupPaths, parseProcCgroup, readResources, memoryStat, type ContainerResources, type CgroupPaths } from "./cgroup.ts";
export { attachVnf, inNetns } from "./attach.ts";
export { measureVnfs, SAMPLE_SPECS, type VnfMeasure } from "./measure.ts";
export { dockerClient, checkDocker } from "./docker-client.ts";
export { followLines, type LineFollower } from "./log-lines.ts";
export { containerLabStatus } from "./availability.ts";
