/**
 * What simulated vNFs report to the Manager (GNF's vNF notifications, paper §IV), from the world
 * state the data plane computes. Parameters come from the chain spec (`params`):
 *
 * - `troubleshooting` `{ target: <node id>, probes = 5, intervalS = 1 }`: pings `target` from its
 *   host once every `intervalS`; after the last probe raises `measurement-done` with the RTT
 *   (2 × one-way path delay + the vNF's processing, ms) and the hop count of the path.
 * - `monitoring` `{ alertAboveBps, intervalS = 1 }`: reads its counters every `intervalS` seconds
 *   from its start, on its own DES process (`GnfWorld`; independent of `outputs.sampleInterval`,
 *   like the lab's monitor image with its `intervalMs`): when the bit rate steered through it at
 *   that time exceeds the threshold, raises `attack-detected` once (with the rate), until the
 *   rate falls back. Default interval 1 s: the lab image's default `intervalMs` of 1000.
 * - `ids` `{ signatures: [flow labels] }`: raises `ids-alert` once per (UE, flow label) when a flow
 *   with a listed `label` traverses it at a data-plane sample.
 * Times in seconds; every notification is delivered at the time the vNF raises it.
 */
import type { VnfNotification } from "../../orchestrator/events.ts";
import type { PathFinder } from "../../topologies/paths.ts";
import type { Flow } from "../models/traffic/flows.ts";
import type { VnfType } from "../../deployment/vnfs/types.ts";
import type { FlowState } from "./data-plane.ts";

/** A running vNF as the behaviours see it. */
export interface RunningVnf {
  id: string;
  type: string;
  host: string;
  ue: string;
  params: Record<string, unknown>;
}

/** A notification to raise `afterS` seconds from now. */
export interface PendingNotification {
  afterS: number;
  notification: VnfNotification;
}

export class VnfBehaviours {
  private readonly alerted = new Set<string>();

  constructor(
    private readonly paths: PathFinder,
    private readonly traffic: readonly Flow[],
    private readonly catalog: Readonly<Record<string, VnfType>>,
  ) {}

  /** Notifications a vNF schedules when it starts (troubleshooting probes). */
  onStarted(vnf: RunningVnf): PendingNotification[] {
    if (vnf.type !== "troubleshooting") return [];
    const target = vnf.params["target"];
    if (typeof target !== "string" || !this.paths.has(target)) {
      return [{ afterS: 0, notification: { type: "notification", vnf: vnf.id, ue: vnf.ue, kind: "info", message: `troubleshooting: no probe target (params.target must be a node id of the topology, got ${JSON.stringify(target)})` } }];
    }
    const probes = positiveNumber(vnf.params["probes"], 5);
    const intervalS = positiveNumber(vnf.params["intervalS"], 1);
    const processingS = (this.catalog[vnf.type] as VnfType).processingDelayS;
    const rttMs = (2 * this.paths.delay(vnf.host, target) + processingS) * 1000;
    const hops = Math.max(0, this.paths.path(vnf.host, target).length - 1);
    return [
      {
        afterS: probes * intervalS,
        notification: { type: "notification", vnf: vnf.id, ue: vnf.ue, kind: "measurement-done", message: `ping ${target} from ${vnf.host}: ${probes} probes, rtt ${rttMs.toFixed(3)} ms, ${hops} hops`, data: { target, from: vnf.host, probes, rttMs: round6(rttMs), hops } },
      },
    ];
  }

  /** Seconds between a monitoring vNF's readings (`params.intervalS`, default 1 s); undefined for other types. */
  monitorIntervalS(vnf: RunningVnf): number | undefined {
    return vnf.type === "monitoring" ? positiveNumber(vnf.params["intervalS"], 1) : undefined;
  }

  /** A monitoring vNF's reading of `flows` (the data plane at that time): an alert, or nothing. */
  onMonitor(vnf: RunningVnf, flows: readonly FlowState[]): VnfNotification | undefined {
    const threshold = vnf.params["alertAboveBps"];
    if (vnf.type !== "monitoring" || typeof threshold !== "number") return undefined;
    const rate = flows.filter((f) => f.vnfs.includes(vnf.id)).reduce((s, f) => s + f.bitRate, 0);
    const key = `${vnf.id}/rate`;
    if (rate <= threshold) {
      this.alerted.delete(key);
      return undefined;
    }
    if (this.alerted.has(key)) return undefined;
    this.alerted.add(key);
    return { type: "notification", vnf: vnf.id, ue: vnf.ue, kind: "attack-detected", message: `${vnf.ue} sends ${(rate / 1e6).toFixed(2)} Mbit/s through ${vnf.id} (alert above ${(threshold / 1e6).toFixed(2)} Mbit/s)`, data: { rateBps: round6(rate), thresholdBps: threshold } };
  }

  /** Notifications raised at a data-plane sample by the running IDS vNFs. */
  onSample(running: readonly RunningVnf[], flows: readonly FlowState[]): VnfNotification[] {
    const out: VnfNotification[] = [];
    for (const vnf of running) {
      if (vnf.type !== "ids") continue;
      const signatures = vnf.params["signatures"];
      if (!Array.isArray(signatures)) continue;
      for (const f of flows) {
        if (!f.vnfs.includes(vnf.id)) continue;
        const label = this.traffic[f.flow]?.label;
        if (label === undefined || !signatures.includes(label)) continue;
        const key = `${vnf.id}/${f.ue}/${label}`;
        if (this.alerted.has(key)) continue;
        this.alerted.add(key);
        out.push({ type: "notification", vnf: vnf.id, ue: f.ue, kind: "ids-alert", message: `signature "${label}" matched traffic of ${f.ue} to ${f.destination}`, data: { signature: label, destination: f.destination } });
      }
    }
    return out;
  }
}

function positiveNumber(value: unknown, fallback: number): number {
  return typeof value === "number" && value > 0 ? value : fallback;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
