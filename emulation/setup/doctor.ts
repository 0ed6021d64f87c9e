/**
 * `gnf emulation doctor`: every check the lab depends on, each with what is wrong and how to fix
 * it. Checks run in order and independently, so one report lists everything missing.
 */
import { inspectImage } from "../images/docker-images.ts";
import { VNF_KINDS } from "../images/catalog.ts";
import { Namespace } from "../lab/namespace.ts";
import { OvsBridge } from "../lab/ovs-bridge.ts";
import { VethPair } from "../lab/veth.ts";
import { mininetLabStatus } from "../mininet/availability.ts";
import { checkRelayToolchain } from "../relay/build.ts";
import { checkDocker, dockerClient } from "../vnf/docker-client.ts";

export interface DoctorCheck {
  name: string;
  /** True, or what is wrong and how to fix it. */
  result: true | string;
}

const SETUP = "run `npm run emulation:setup` (or `gnf emulation setup`) as root";

async function imagesPresent(): Promise<true | string> {
  const docker = dockerClient();
  const missing: string[] = [];
  for (const kind of VNF_KINDS) if (!(await inspectImage(docker, `gnf/${kind}:latest`).catch(() => null))) missing.push(`gnf/${kind}`);
  return missing.length === 0 ? true : `missing images ${missing.join(", ")}: run \`gnf emulation images\``;
}

/** Runs every check; later checks that need an earlier one say so instead of failing obscurely. */
export async function runDoctor(): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const root = typeof process.getuid !== "function" || process.getuid() === 0;
  checks.push({ name: "root", result: root ? true : "the lab needs root (network namespaces, Open vSwitch, Docker): run as root" });
  checks.push({ name: "network namespaces", result: await Namespace.check() });
  checks.push({ name: "veth pairs", result: await VethPair.check() });
  checks.push({ name: "Open vSwitch (userspace datapath)", result: await OvsBridge.check() });
  const docker = await checkDocker();
  checks.push({ name: "Docker Engine", result: docker });
  checks.push({ name: "delay relay toolchain (gcc)", result: await checkRelayToolchain() });
  const mininet = await mininetLabStatus();
  checks.push({ name: "Mininet 2.3 under /usr/bin/python3", result: mininet.ok ? true : mininet.reason });
  checks.push({ name: "vNF images", result: docker === true ? await imagesPresent() : "needs the Docker Engine (above)" });
  return checks.map((c) => (c.result === true || /gnf emulation|emulation:setup/.test(c.result) ? c : { ...c, result: `${c.result} — or ${SETUP}` }));
}

/** The report, one line a check: "ok  name" or "MISSING  name: what to do". */
export function formatDoctor(checks: readonly DoctorCheck[]): string {
  return checks.map((c) => (c.result === true ? `ok       ${c.name}` : `MISSING  ${c.name}: ${c.result}`)).join("\n");
}
