/**
 * Whether this machine can run a scenario in the emulation: the Mininet lab (root, iproute2, a
 * running Open vSwitch, the relay toolchain, Mininet 2.3), a Docker Engine, and the vNF images.
 * The reason names what is missing and says to run `gnf emulation setup`.
 */
import type { LabStatus } from "../lab/availability.ts";
import { mininetLabStatus } from "../mininet/availability.ts";
import { VNF_KINDS, vnfImageInfo } from "../images/catalog.ts";
import { containerLabStatus } from "../vnf/availability.ts";
import { dockerClient } from "../vnf/docker-client.ts";

export const SETUP_HINT = "run `gnf emulation setup` as root";

export async function emulationLabStatus(): Promise<LabStatus> {
  for (const status of [await mininetLabStatus(), await containerLabStatus()]) if (!status.ok) return { ok: false, reason: `${status.reason} (${SETUP_HINT})` };
  const images = new Set((await dockerClient().listImages()).flatMap((i) => i.RepoTags ?? []));
  const missing = VNF_KINDS.map((k) => `${vnfImageInfo(k).image}:latest`).filter((tag) => !images.has(tag));
  if (missing.length > 0) return { ok: false, reason: `vNF images missing: ${missing.join(", ")} (build them: \`gnf emulation images\`, or ${SETUP_HINT})` };
  return { ok: true };
}
