/**
 * An Open vSwitch bridge on the userspace datapath (`datapath_type=netdev`; this kernel has no OVS
 * module), OpenFlow 1.3 only, `fail-mode=secure` (no flows, no forwarding, until the controller
 * installs some), connected to a controller on 127.0.0.1. Ports get fixed OpenFlow numbers with
 * `ofport_request`.
 */
import { hasCommand, run } from "./run.ts";
import type { Teardown } from "./teardown.ts";

export class OvsBridge {
  private constructor(readonly name: string) {}

  static async check(): Promise<true | string> {
    if (!(await hasCommand("ovs-vsctl"))) return "Open vSwitch is not installed: run `bash emulation/setup/install-lab.sh` (as root)";
    try {
      await run("ovs-vsctl", ["--timeout=3", "show"]);
      return true;
    } catch {
      return "Open vSwitch is installed but not running: run `bash emulation/setup/install-lab.sh` (as root)";
    }
  }

  /** A bridge someone else created and removes (e.g. a Mininet switch); nothing is registered for undo. */
  static existing(name: string): OvsBridge {
    return new OvsBridge(name);
  }

  static async create(name: string, teardown: Teardown, options: { controllerPort?: number; datapathId?: bigint } = {}): Promise<OvsBridge> {
    const args = ["--timeout=10", "add-br", name, "--", "set", "bridge", name, "datapath_type=netdev", "protocols=OpenFlow13", "fail-mode=secure"];
    if (options.datapathId !== undefined) args.push(`other-config:datapath-id=${options.datapathId.toString(16).padStart(16, "0")}`);
    await run("ovs-vsctl", args);
    teardown.add(`OVS bridge ${name}`, async () => {
      await run("ovs-vsctl", ["--timeout=10", "--if-exists", "del-br", name]);
    });
    const bridge = new OvsBridge(name);
    if (options.controllerPort !== undefined) await bridge.setController(options.controllerPort);
    return bridge;
  }

  async setController(port: number): Promise<void> {
    await run("ovs-vsctl", ["--timeout=10", "set-controller", this.name, `tcp:127.0.0.1:${port}`]);
  }

  /** Adds an existing interface as OpenFlow port `ofport`. */
  async addPort(ifname: string, ofport: number): Promise<void> {
    await run("ovs-vsctl", ["--timeout=10", "add-port", this.name, ifname, "--", "set", "interface", ifname, `ofport_request=${ofport}`]);
  }

  /** Adds several existing interfaces in one transaction (one reconfiguration of the switch): ifname → OpenFlow port. */
  async addPorts(ports: ReadonlyArray<readonly [ifname: string, ofport: number]>): Promise<void> {
    const args = ["--timeout=10"];
    for (const [ifname, ofport] of ports) args.push("--", "add-port", this.name, ifname, "--", "set", "interface", ifname, `ofport_request=${ofport}`);
    await run("ovs-vsctl", args);
  }

  /** Removes port `ifname` from the bridge (no error if it is not there). */
  async removePort(ifname: string): Promise<void> {
    await run("ovs-vsctl", ["--timeout=10", "--if-exists", "del-port", this.name, ifname]);
  }

  /** `ovs-ofctl -O OpenFlow13 dump-flows` lines without statistics, with port numbers. */
  async dumpFlows(): Promise<string[]> {
    const { stdout } = await run("ovs-ofctl", ["-O", "OpenFlow13", "--no-stats", "--no-names", "dump-flows", this.name]);
    return stdout
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "" && !l.startsWith("OFPST_FLOW") && !l.startsWith("NXST_FLOW"));
  }

  /** The datapath id OVS reports. */
  async datapathId(): Promise<bigint> {
    const { stdout } = await run("ovs-vsctl", ["get", "bridge", this.name, "datapath_id"]);
    return BigInt(`0x${stdout.trim().replace(/"/g, "")}`);
  }
}

/**
 * Empties the datapath flow cache of every bridge of this OVS (`ovs-appctl revalidator/purge`).
 * A barrier reply means OVS's OpenFlow tables hold a change, not that its datapath cache has been
 * revalidated: until the revalidators run, a packet can still take the actions of the flows that
 * were there before. After a purge the next packet is looked up in the current tables. For tests
 * that count packets right after a flow change; the lab's own runs measure the real behaviour.
 */
export async function purgeDatapathFlows(): Promise<void> {
  await run("ovs-appctl", ["--timeout=10", "revalidator/purge"]);
}

/** Names of all OVS bridges on the machine. */
export async function listBridges(): Promise<string[]> {
  const { stdout } = await run("ovs-vsctl", ["--timeout=5", "list-br"]);
  return stdout.split("\n").map((l) => l.trim()).filter((l) => l !== "");
}
