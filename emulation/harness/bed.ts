/**
 * The measurement bed of Fig. 2: one OVS bridge on our controller, a UE host (10.0.0.1, port 1)
 * and a server host (10.0.0.2, port 2), and the steering driver. vNF `i` (0-based) uses ports
 * `100 + 2i` (in) and `101 + 2i` (out); vNFs are attached through `ports`, the bridge with port
 * changes group-committed (`PortBatcher`). While the bed exists, lab commands run from a
 * `SpawnHelper` process (forks never block this event loop). Everything is registered with the testbed's teardown;
 * `stop()` removes it all (also on SIGINT/SIGTERM, through Teardown).
 */
import { OvsTestbed, type TestbedHost } from "../lab/testbed.ts";
import { useCommandRunner, type CommandRunner } from "../lab/run.ts";
import { PortBatcher } from "./port-batcher.ts";
import { SpawnHelper } from "./spawn-helper.ts";
import { SteeringDriver, type SteeringChain, type SteeringHop } from "../../openflow/steering/index.ts";

export const UE = { port: 1, ip: "10.0.0.1", mac: "02:00:00:00:00:01" } as const;
export const SERVER = { port: 2, ip: "10.0.0.2", mac: "02:00:00:00:00:02" } as const;

/** OpenFlow ports of the vNF with 0-based index `i`. */
export function vnfPorts(i: number): SteeringHop {
  return { inPort: 100 + 2 * i, outPort: 101 + 2 * i };
}

export class MeasurementBed {
  /** The bridge for attaching vNFs: port additions and removals batched into few OVS transactions. */
  readonly ports: PortBatcher;

  private constructor(
    readonly bed: OvsTestbed,
    readonly ue: TestbedHost,
    readonly server: TestbedHost,
    readonly steering: SteeringDriver,
    private readonly helper: SpawnHelper,
    private readonly previousRunner: CommandRunner | undefined,
  ) {
    this.ports = new PortBatcher(bed.bridge);
  }

  static async start(): Promise<MeasurementBed> {
    const helper = await SpawnHelper.start();
    const previousRunner = useCommandRunner((file, args, timeoutMs) => helper.run(file, args, timeoutMs));
    let bed: OvsTestbed;
    try {
      bed = await OvsTestbed.start();
    } catch (err) {
      useCommandRunner(previousRunner);
      await helper.stop();
      throw err;
    }
    try {
      const ue = await bed.addHost(UE.port, UE.ip, UE.mac);
      const server = await bed.addHost(SERVER.port, SERVER.ip, SERVER.mac);
      const steering = new SteeringDriver(bed.controller);
      bed.teardown.add("steering driver", async () => steering.detach());
      return new MeasurementBed(bed, ue, server, steering, helper, previousRunner);
    } catch (err) {
      await bed.stop().catch(() => undefined);
      useCommandRunner(previousRunner);
      await helper.stop();
      throw err;
    }
  }

  /** PID of the command helper (for CPU accounting). */
  get helperPid(): number {
    return this.helper.pid;
  }

  get datapathId(): bigint {
    return this.bed.switch.datapathId;
  }

  /**
   * Steers all UE ↔ server traffic (selected by source MAC, so ARP too) through `hops` in order
   * (UE → server: in → out of each; server → UE: out → in, in reverse order). `[]` connects them
   * directly. Replaces the previous path (chains 1 and 2).
   */
  async steerUeServer(hops: readonly SteeringHop[]): Promise<void> {
    const forward: SteeringChain = { id: 1, priority: 100, selector: [{ field: "eth_src", value: UE.mac }], ingressPort: UE.port, hops: [...hops], egressPort: SERVER.port };
    const back = [...hops].reverse().map((h) => ({ inPort: h.outPort, outPort: h.inPort }));
    const reverse: SteeringChain = { id: 2, priority: 100, selector: [{ field: "eth_src", value: SERVER.mac }], ingressPort: SERVER.port, hops: back, egressPort: UE.port };
    await this.steering.install(this.datapathId, forward);
    await this.steering.install(this.datapathId, reverse);
  }

  /** Tears everything down, then gives the lab its own command runner back and ends the helper. */
  async stop(): Promise<void> {
    try {
      await this.bed.stop();
    } finally {
      useCommandRunner(this.previousRunner);
      await this.helper.stop();
    }
  }
}
