/**
 * The control-plane cost model of the sim backend: how long the Manager's commands take to take
 * effect in the network, apart from the container lifecycle (which `VnfHost` models).
 *
 * - Steering (install or remove a chain version): the controller runs beside the Manager at
 *   `controllerNode` (default: the central NFVI). It processes the request (`processingS`), sends
 *   the FLOW_MODs of every switch on the chain's path followed by a barrier, and the chain is in
 *   place when the slowest switch's barrier reply is back:
 *     t = processingS + max over switches s of (2 · delay(controller, s) + flowModS · entries(s)).
 * - State transfer between two hosts: one-way path delay + bytes · 8 / bottleneck bandwidth of the
 *   path (the lowest link capacity on it).
 * Units: seconds, bytes, bit/s.
 */
import { z } from "zod";
import { seconds } from "../../base/units.ts";
import type { PathFinder } from "../../topologies/paths.ts";

export const controlPlaneSchema = z
  .object({
    controllerNode: z.string().min(1).optional().describe("topology node where the Manager and the OpenFlow controller run (default: the first NFVI node)"),
    processingS: seconds({ allowZero: true }).default(0.002).describe("Manager + controller processing per steering request, seconds"),
    flowModS: seconds({ allowZero: true }).default(20e-6).describe("switch time to apply one FLOW_MOD, seconds (ours into userspace OVS: 16–30 µs)"),
  })
  .strict()
  .describe("control-plane costs of the simulated GNF Manager and OpenFlow controller");

export type ControlPlaneConfig = z.output<typeof controlPlaneSchema>;

export class ControlPlane {
  private readonly linkById: Map<string, { bandwidthBps: number }>;

  constructor(
    private readonly paths: PathFinder,
    private readonly config: ControlPlaneConfig,
    /** Node id of the controller. */
    readonly controllerNode: string,
    /** Fixed cost of one state transfer (export + import in the vNFs), s (a calibration's `stateTransfer.fixedS`; default 0). */
    private readonly stateTransferFixedS = 0,
  ) {
    if (!paths.has(controllerNode)) throw new RangeError(`control plane: controller node "${controllerNode}" is not in topology ${paths.topology.name}`);
    this.linkById = new Map(paths.topology.links.map((l) => [l.id, l]));
  }

  /**
   * Seconds from a steering request to its last barrier reply; `entriesPerSwitch` maps each switch
   * (topology node) to the flow entries it gets.
   */
  steeringSeconds(entriesPerSwitch: ReadonlyMap<string, number>): number {
    let slowest = 0;
    for (const [node, entries] of entriesPerSwitch) {
      const t = 2 * this.paths.delay(this.controllerNode, node) + this.config.flowModS * entries;
      if (t > slowest) slowest = t;
    }
    return this.config.processingS + slowest;
  }

  /** Seconds to carry `bytes` of state from host `from` to host `to`: the fixed export + import cost, the path delay and bytes / bottleneck bandwidth (0 without state). */
  transferSeconds(from: string, to: string, bytes: number): number {
    if (bytes === 0) return 0;
    if (from === to) return this.stateTransferFixedS;
    return this.stateTransferFixedS + this.paths.delay(from, to) + (bytes * 8) / this.bottleneckBps(from, to);
  }

  /** Lowest link capacity on the shortest path from `a` to `b`, bit/s. */
  bottleneckBps(a: string, b: string): number {
    const links = this.paths.pathLinks(a, b);
    let lowest = Infinity;
    for (const id of links) {
      const link = this.linkById.get(id);
      if (link && link.bandwidthBps < lowest) lowest = link.bandwidthBps;
    }
    return lowest;
  }
}

/** The controller node a topology implies: the configured one, else the first NFVI node. */
export function controllerNodeOf(paths: PathFinder, config: ControlPlaneConfig): string {
  if (config.controllerNode !== undefined) return config.controllerNode;
  const nfvi = paths.topology.nodes.find((n) => n.role === "nfvi");
  if (!nfvi) throw new RangeError(`topology ${paths.topology.name} has no NFVI node; set control.controllerNode`);
  return nfvi.id;
}
