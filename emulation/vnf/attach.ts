/**
 * Wires a running container to an OVS bridge (the GNF Agent's job): for each side (`in`, `out`)
 * one veth pair whose inner end is created directly in the container's network namespace under
 * the side's name, TX checksum offload off on both ends (TCP through userspace OVS needs it), the
 * host end up; then both host ends join the bridge in one transaction with fixed OpenFlow port
 * numbers. Undo steps go to `teardown`: the OVS ports, then the veths.
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

/** One veth pair: `inside` in the namespace of `pid`, the returned host end up; both with TX offload off. */
async function vethInto(pid: number, inside: "in" | "out", teardown: Teardown): Promise<string> {
  const outside = labName(inside === "in" ? "vi" : "vo");
  await run("ip", ["link", "add", outside, "type", "veth", "peer", "name", inside, "netns", String(pid)]);
  teardown.add(`veth ${outside}/${inside} of container pid ${pid}`, async () => {
    // Gone already when the container's namespace went first; only a surviving end is a failure.
    await run("ip", ["link", "del", outside]).catch(async (err: unknown) => {
      if (await linkExists(outside)) throw err;
    });
  });
  await Promise.all([inNetns(pid, "ethtool", ["-K", inside, "tx", "off"]), run("ethtool", ["-K", outside, "tx", "off"]).then(() => run("ip", ["link", "set", outside, "up"]))]);
  return outside;
}

/**
 * Attaches the container whose init is `pid` to `bridge`: its `in` as OpenFlow port `ports.in`,
 * its `out` as `ports.out`. Resolves with the host interface names [in, out].
 */
export async function attachVnf(pid: number, bridge: OvsBridge, ports: { in: number; out: number }, teardown: Teardown): Promise<[string, string]> {
  const [inIf, outIf] = await Promise.all([vethInto(pid, "in", teardown), vethInto(pid, "out", teardown)]);
  await bridge.addPorts([
    [inIf, ports.in],
    [outIf, ports.out],
  ]);
  teardown.add(`OVS ports ${inIf}, ${outIf} on ${bridge.name}`, async () => {
    await bridge.removePort(inIf);
    await bridge.removePort(outIf);
  });
  return [inIf, outIf];
}
