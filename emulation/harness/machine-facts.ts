/**
 * Facts about the lab machine for a results manifest: CPU model and cores, kernel release, memory,
 * Docker Engine, Open vSwitch and Node versions (null when a tool does not answer). Lab timings
 * depend on all of them, and on the load average, which the manifest records before and after.
 */
import { cpus, release, totalmem } from "node:os";
import { run } from "../lab/run.ts";
import { dockerClient } from "../vnf/docker-client.ts";

export interface MachineFacts {
  cpuModel: string;
  cores: number;
  kernelRelease: string;
  memoryBytes: number;
  dockerVersion: string | null;
  ovsVersion: string | null;
  nodeVersion: string;
}

/** The version in `ovs-vsctl --version`'s first line ("ovs-vsctl (Open vSwitch) 3.1.0"), or null. */
export function parseOvsVersion(text: string): string | null {
  return /\(Open vSwitch\)\s+(\S+)/.exec(text)?.[1] ?? null;
}

export async function machineFacts(): Promise<MachineFacts> {
  const docker = await dockerClient()
    .version()
    .then((v) => v.Version ?? null, () => null);
  const ovs = await run("ovs-vsctl", ["--version"]).then((r) => parseOvsVersion(r.stdout), () => null);
  return { cpuModel: cpus()[0]?.model.trim() ?? "unknown", cores: cpus().length, kernelRelease: release(), memoryBytes: totalmem(), dockerVersion: docker, ovsVersion: ovs, nodeVersion: process.version };
}
