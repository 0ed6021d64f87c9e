/**
 * A veth pair (Mininet's `Link`): two interfaces joined back to back. Either end may be moved
 * into a namespace. Deleting one end deletes both.
 */
import { hasCommand, run } from "./run.ts";
import type { Namespace } from "./namespace.ts";
import type { Teardown } from "./teardown.ts";

export class VethPair {
  private constructor(
    readonly a: string,
    readonly b: string,
  ) {}

  /** Verifies the tools this class needs; returns a sentence saying what to install, or true. */
  static async check(): Promise<true | string> {
    if (!(await hasCommand("ip"))) return "the `ip` command is missing: apt-get install iproute2";
    if (!(await hasCommand("ethtool"))) return "`ethtool` is missing (TCP through userspace OVS needs checksum offload off): apt-get install ethtool";
    return true;
  }

  static async create(a: string, b: string, teardown: Teardown): Promise<VethPair> {
    await run("ip", ["link", "add", a, "type", "veth", "peer", "name", b]);
    teardown.add(`veth ${a}/${b}`, async () => {
      // The pair may already be gone with its namespace; only a real failure matters.
      await run("ip", ["link", "del", a]).catch(async () => {
        const { stdout } = await run("ip", ["-o", "link", "show"]);
        if (stdout.includes(`${a}@`) || stdout.includes(` ${a}:`)) throw new Error(`veth ${a} is still present`);
      });
    });
    return new VethPair(a, b);
  }

  /** Moves an end into a namespace. */
  static async moveTo(ifname: string, ns: Namespace): Promise<void> {
    await run("ip", ["link", "set", ifname, "netns", ns.name]);
  }

  /** Brings a host-side end up with TX checksum offload off. */
  static async upOnHost(ifname: string): Promise<void> {
    await run("ip", ["link", "set", ifname, "up"]);
    await run("ethtool", ["-K", ifname, "tx", "off"]).catch(() => undefined);
  }
}
