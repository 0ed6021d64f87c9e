/**
 * Whether this machine can run container vNF tests: the OVS lab (root, iproute2, Open vSwitch)
 * and a Docker Engine with the tools to attach containers.
 */
import { ovsLabStatus, type LabStatus } from "../lab/availability.ts";
import { checkDocker } from "./docker-client.ts";

export async function containerLabStatus(): Promise<LabStatus> {
  const ovs = await ovsLabStatus();
  if (!ovs.ok) return ovs;
  const docker = await checkDocker();
  return docker === true ? { ok: true } : { ok: false, reason: docker };
}
