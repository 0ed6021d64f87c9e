/**
 * Wires a running container to an OVS bridge (the GNF Agent's job): for each side (`in`, `out`)
 * one veth pair whose inner end is created directly in the container's network namespace under
 * the side's name, TX checksum offload off on both ends (TCP through userspace OVS needs it), the
 * host end up and added to the bridge with a fixed OpenFlow port number. Undo steps go to
 * `teardown`: the OVS port, then the veth.
 */
import { labName } from "../lab/names.ts";
import type { OvsBridge } from "../lab/ovs-bridge.ts";
import { run } from "../lab/run.ts";
import type { Teardown } from "../lab/teardown.ts";

/** Runs a command in the network namespace of process `pid`. */
export function inNetns(pid: number, file: string, args: readonly string[]): ReturnType<typeof run> {
  return run("nsenter", ["-t", String(pid), "-n", file, ...args]);
}

async function linkExists(name: string): Promise<boolean> {
  try {
    await run("ip", ["link", "show", "dev", name]);
    return true;
  } catch {
    return false;
  }
}

/** Attaches side `inside` ("in" or "out") of the container with init `pid` as port `ofport`; resolves with the host interface name. */
export async function attachSide(pid: number, inside: "in" | "out", bridge: OvsBridge, ofport: number, teardown: Teardown): Promise<string> {
  const outside = labName(inside === "in" ? "vi" : "vo");
  await run("ip", ["link", "add", outside, "type", "veth", "peer", "name", inside, "netns", String(pid)]);
  teardown.add(`veth ${outside}/${inside} of container pid ${pid}`, async () => {
    // Gone already when the container's namespace went first; only a surviving end is a failure.
    await run("ip", ["link", "del", outside]).catch(async (err: unknown) => {
      if (await linkExists(outside)) throw err;
    });
  });
  await inNetns(pid, "ethtool", ["-K", inside, "tx", "off"]);
  await run("ip", ["link", "set", outside, "up"]);
  await run("ethtool", ["-K", outside, "tx", "off"]);
  await bridge.addPort(outside, ofport);
  teardown.add(`OVS port ${outside} on ${bridge.name}`, () => bridge.removePort(outside));
  return outside;
}
