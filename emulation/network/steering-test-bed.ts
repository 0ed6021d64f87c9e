/**
 * For ChainSteering tests: a fake OpenFlow switch per planned switch, each applying FLOW_MODs to
 * its own `FlowTable` and answering barriers, connected to a real controller on 127.0.0.1; and
 * `walk`, which follows one packet across the flow tables, the vNFs (in-port → out-port per switch)
 * and the planned links. Call `start()` in beforeAll and `stop()` in afterAll.
 */
import type { OfMessage } from "../../openflow/codec/index.ts";
import { FakeSwitch } from "../../openflow/controller/fake-switch.ts";
import { Controller } from "../../openflow/controller/server.ts";
import { SteeringDriver } from "../../openflow/steering/driver.ts";
import { FlowTable } from "../../openflow/steering/flow-table.ts";
import type { NetworkPlan } from "./plan.ts";

export class SteeringTestBed {
  readonly tables: Map<string, FlowTable>;
  readonly dpid: Map<string, bigint>;
  driver!: SteeringDriver;
  private readonly controller = new Controller({ port: 0, echoIntervalMs: 0 });
  private readonly switches: FakeSwitch[] = [];

  constructor(
    private readonly plan: NetworkPlan,
    /** vNFs by switch: in-port → out-port. */
    private readonly vnfs: ReadonlyMap<string, ReadonlyMap<number, number>>,
  ) {
    this.tables = new Map(plan.switches.map((s) => [s.node, new FlowTable()]));
    this.dpid = new Map(plan.switches.map((s) => [s.node, s.dpid]));
  }

  async start(): Promise<void> {
    await this.controller.listen();
    this.driver = new SteeringDriver(this.controller);
    for (const [node, table] of this.tables) {
      const sw = new FakeSwitch(this.dpid.get(node) as bigint, {
        respond: (m): OfMessage[] => {
          if (m.type === "flow_mod") table.apply(m);
          return m.type === "barrier_request" ? [{ type: "barrier_reply", xid: m.xid }] : [];
        },
      });
      await sw.connect(this.controller.port);
      this.switches.push(sw);
      await this.controller.waitForSwitch(this.dpid.get(node));
    }
  }

  async stop(): Promise<void> {
    for (const sw of this.switches) sw.close();
    this.driver.detach();
    await this.controller.close();
  }

  /** Where `packet`, entering `start` at `inPort`, goes: "sw:vnfP" per vNF, then "sw:port" where it leaves, or "sw:drop". */
  walk(packet: Record<string, number | string>, start: string, inPort: number): string[] {
    const out: string[] = [];
    let [at, port] = [start, inPort];
    for (let i = 0; i < 30; i++) {
      const ports = (this.tables.get(at) as FlowTable).forward({ ...packet, in_port: port });
      if (ports.length !== 1) return [...out, `${at}:drop`];
      const p = ports[0] as number;
      const back = this.vnfs.get(at)?.get(p);
      if (back !== undefined) {
        out.push(`${at}:vnf${p}`);
        port = back;
        continue;
      }
      const link = this.plan.links.find((l) => (l.a === at && l.portA === p) || (l.b === at && l.portB === p));
      if (!link) return [...out, `${at}:${p}`];
      [at, port] = link.a === at ? [link.b, link.portB] : [link.a, link.portA];
    }
    throw new Error("loop");
  }
}
