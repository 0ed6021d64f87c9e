/**
 * A network namespace the lab created (Mininet's `Node`): `ip netns add/del` and commands run
 * inside it. Its traffic stays between namespaces of this run.
 */
import { hasCommand, run, type RunResult } from "./run.ts";
import type { Teardown } from "./teardown.ts";

export class Namespace {
  private constructor(readonly name: string) {}

  /** Verifies the tools this class needs; returns a sentence saying what to install, or true. */
  static async check(): Promise<true | string> {
    return (await hasCommand("ip")) ? true : "the `ip` command is missing: apt-get install iproute2";
  }

  static async create(name: string, teardown: Teardown): Promise<Namespace> {
    await run("ip", ["netns", "add", name]);
    teardown.add(`namespace ${name}`, async () => {
      await run("ip", ["netns", "del", name]);
    });
    const ns = new Namespace(name);
    await ns.exec("ip", ["link", "set", "lo", "up"]);
    // Keep the lab quiet: no IPv6 router solicitations or MLD reports on new links.
    for (const scope of ["all", "default"]) await ns.exec("sysctl", ["-q", "-w", `net.ipv6.conf.${scope}.disable_ipv6=1`]);
    return ns;
  }

  /** Runs a command inside the namespace. */
  exec(file: string, args: readonly string[], options: { timeoutMs?: number } = {}): Promise<RunResult> {
    return run("ip", ["netns", "exec", this.name, file, ...args], options);
  }

  /** Gives `ifname` (already moved here) an address and brings it up; TX checksum offload off (userspace OVS needs it for TCP). */
  async configure(ifname: string, cidr?: string, mac?: string): Promise<void> {
    if (mac) await this.exec("ip", ["link", "set", ifname, "address", mac]);
    if (cidr) await this.exec("ip", ["addr", "add", cidr, "dev", ifname]);
    await this.exec("ip", ["link", "set", ifname, "up"]);
    await this.exec("ethtool", ["-K", ifname, "tx", "off"]).catch(() => undefined);
  }
}

/** Names of all namespaces on the machine. */
export async function listNamespaces(): Promise<string[]> {
  const { stdout } = await run("ip", ["netns", "list"]);
  return stdout
    .split("\n")
    .map((l) => l.trim().split(/\s+/)[0] ?? "")
    .filter((n) => n !== "");
}
