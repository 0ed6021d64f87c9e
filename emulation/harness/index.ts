export { MeasurementBed, UE, SERVER, vnfPorts } from "./bed.ts";
export { ForwardingProbe, probeAddress, probeChain, PROBE_PORT } from "./probe.ts";
export { measureIdleRtt, type IdleRttOptions, type IdleRttResult, type RttPoint } from "./rtt.ts";
export { measureInstantiation, type InstantiationOptions, type InstantiationResult, type VnfInstantiation } from "./instantiation.ts";
export { measureIdleMemory, type MemoryOptions, type MemoryResult, type MemoryPoint } from "./memory.ts";
export { measureFig2, FIG2_FULL, FIG2_QUICK, type Fig2Options, type Fig2Result, type RoamingResult } from "./fig2.ts";
export { rttTables, instantiationTables, memoryTables } from "./tables.ts";
export { writeEmulationRun, type EmulationRun, type EmulationManifest } from "./write-results.ts";
export { harnessLabStatus } from "./availability.ts";
export { quantile, median, mean, leastSquares, type LineFit } from "./stats.ts";
export { parsePingSamples, type PingSamples } from "./ping-samples.ts";
export { meminfoBytes, memAvailableBytes } from "./meminfo.ts";
export { runPool, monotonicMs } from "./pool.ts";

