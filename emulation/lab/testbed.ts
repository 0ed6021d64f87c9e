/**
 * A small OpenFlow testbed: one OVS bridge connected to our controller, hosts (namespaces with one
 * interface on the bridge) and bump-in-the-wire vNF stand-ins (namespaces whose two interfaces are
 * joined by a Linux bridge inside, on two bridge ports: in and out). Everything is registered with
 * a `Teardown`.
 */
import { Controller } from "../../openflow/controller/server.ts";
import type { SwitchConnection } from "../../openflow/controller/connection.ts";
import { labName } from "./names.ts";
import { Namespace } from "./namespace.ts";
import { OvsBridge } from "./ovs-bridge.ts";
import { Teardown } from "./teardown.ts";
import { VethPair } from "./veth.ts";

export interface TestbedHost {
  ns: Namespace;
  ifname: string;
  ip: string;
  mac: string;
  ofport: number;
}

export interface TestbedVnf {
  ns: Namespace;
  inPort: number;
  outPort: number;
  /** Host-side interface names on the bridge: [in, out]. */
  outsideIfnames: [string, string];
}

let nextTestbed = 1;

export class OvsTestbed {
  readonly teardown = new Teardown();
  controller!: Controller;
  bridge!: OvsBridge;
  switch!: SwitchConnection;

  /** Starts the controller, creates the bridge and waits until OVS has connected. */
  static async start(options: { datapathId?: bigint } = {}): Promise<OvsTestbed> {
    const bed = new OvsTestbed();
    try {
      bed.controller = new Controller({ port: 0, echoIntervalMs: 1000, deadAfterMs: 10_000 });
      await bed.controller.listen();
      bed.teardown.add("controller", () => bed.controller.close());
      const datapathId = options.datapathId ?? (BigInt(process.pid) << 16n) | BigInt(nextTestbed++);
      bed.bridge = await OvsBridge.create(labName("br"), bed.teardown, { controllerPort: bed.controller.port, datapathId });
      bed.switch = await bed.controller.waitForSwitch(datapathId, 20_000);
      return bed;
    } catch (err) {
      await bed.teardown.teardown().catch(() => undefined);
      throw err;
    }
  }

  /** Adds a host namespace with address `ip`/24 on bridge port `ofport`. */
  async addHost(ofport: number, ip: string, mac: string): Promise<TestbedHost> {
    const ns = await Namespace.create(labName("h"), this.teardown);
    const outside = labName("o");
    const inside = labName("i");
    await VethPair.create(outside, inside, this.teardown);
    await VethPair.moveTo(inside, ns);
    await ns.configure(inside, `${ip}/24`, mac);
    await VethPair.upOnHost(outside);
    await this.bridge.addPort(outside, ofport);
    return { ns, ifname: inside, ip, mac, ofport };
  }

  /** Adds a vNF stand-in: a namespace bridging its in and out interfaces (ports `inPort`, `outPort`). */
  async addVnf(inPort: number, outPort: number): Promise<TestbedVnf> {
    const ns = await Namespace.create(labName("v"), this.teardown);
    const inside: string[] = [];
    const outsides: string[] = [];
    for (const port of [inPort, outPort]) {
      const outside = labName("o");
      const inner = labName("i");
      await VethPair.create(outside, inner, this.teardown);
      await VethPair.moveTo(inner, ns);
      await ns.configure(inner);
      await VethPair.upOnHost(outside);
      await this.bridge.addPort(outside, port);
      inside.push(inner);
      outsides.push(outside);
    }
    await ns.exec("ip", ["link", "add", "wire", "type", "bridge"]);
    for (const i of inside) await ns.exec("ip", ["link", "set", i, "master", "wire"]);
    await ns.exec("ip", ["link", "set", "wire", "up"]);
    return { ns, inPort, outPort, outsideIfnames: [outsides[0] as string, outsides[1] as string] };
  }

  async stop(): Promise<void> {
    await this.teardown.teardown();
  }
}

/** Pings from a host; resolves with the number of replies received. */
export async function ping(from: TestbedHost, to: string, count: number): Promise<number> {
  try {
    const { stdout } = await from.ns.exec("ping", ["-c", String(count), "-i", "0.2", "-W", "1", "-q", to], { timeoutMs: 30_000 });
    return Number(/(\d+) received/.exec(stdout)?.[1] ?? 0);
  } catch (err) {
    const text = String((err as Error).message);
    return Number(/(\d+) received/.exec(text)?.[1] ?? 0);
  }
}
