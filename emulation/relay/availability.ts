/**
 * Whether this machine can run the delay relay and its tests: root (AF_PACKET sockets, namespaces),
 * iproute2, ethtool, gcc, nsenter, ping and iperf3. Integration tests skip with the reason unless
 * `GNF_REQUIRE_EMULATION=1`.
 */
import type { LabStatus } from "../lab/availability.ts";
import { Namespace } from "../lab/namespace.ts";
import { hasCommand } from "../lab/run.ts";
import { VethPair } from "../lab/veth.ts";
import { DelayRelay } from "./delay-relay.ts";

const TOOLS: [command: string, install: string][] = [
  ["tc", "apt-get install iproute2"],
  ["ping", "apt-get install iputils-ping"],
  ["iperf3", "apt-get install iperf3"],
];

export async function relayLabStatus(): Promise<LabStatus> {
  if (typeof process.getuid === "function" && process.getuid() !== 0) return { ok: false, reason: "the delay relay needs root (AF_PACKET sockets, network namespaces)" };
  for (const check of [Namespace.check, VethPair.check, DelayRelay.check]) {
    const result = await check();
    if (result !== true) return { ok: false, reason: result };
  }
  for (const [command, install] of TOOLS) if (!(await hasCommand(command))) return { ok: false, reason: `\`${command}\` is missing: ${install}` };
  return { ok: true };
}
