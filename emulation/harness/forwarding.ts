/**
 * Forwarding cost of one vNF against packet rate, up to saturation: UDP from the UE namespace to
 * the server namespace through one vNF (UE → in → vNF → out → server, steered by our controller)
 * at increasing offered rates, each for a few seconds, stopping after the first rate that loses
 * more than `stopLossRatio` of its packets. Per rate: what the sender sent, what the receiver
 * got, and CPU time over the interval from three sources:
 *
 * - the vNF's cgroup (`cpuacct.usage`): what its processes did. The wire, firewall, rate-limiter
 *   and filter vNFs forward in the kernel (a Linux bridge, iptables, tc inside the container's
 *   namespace) and that work runs in softirq context, charged to no cgroup — so this is close to
 *   zero for them, a finding rather than a fault;
 * - ovs-vswitchd (utime + stime of all its threads): the userspace datapath handles every packet
 *   twice per vNF (to the vNF, from it);
 * - the whole machine (/proc/stat busy time, softirq included): everything, the sender and
 *   receiver too, and whatever else runs on the machine meanwhile. The same measurement without a
 *   vNF (`spec: null`: UE → server directly) is the baseline; the difference is the vNF's.
 *
 * Sender and receiver are iperf3 (Debian) in the bed's namespaces (`-u -b RATE -l PAYLOAD`), the
 * server stopped by PID at teardown; the control connection (TCP) takes the same path. Rates are
 * packets of `payloadBytes` of UDP payload per second.
 */
import { LabProcess } from "../lab/process.ts";
import type { VnfSpec } from "../images/params.ts";
import { ContainerVnf } from "../vnf/container-vnf.ts";
import { hostBusyCpuSeconds, ovsSwitchCpuSeconds } from "./cpu-accounting.ts";
import { MeasurementBed, SERVER, vnfPorts } from "./bed.ts";
import { monotonicMs } from "./pool.ts";

export interface ForwardingOptions {
  /** The vNF, or null for the direct path (the baseline). */
  spec: VnfSpec | null;
  image?: string;
  /** Offered rates, packets/s, ascending (default 1k, 5k, 10k, 20k, 50k, 100k). */
  ratesPps?: readonly number[];
  /** Seconds per rate (default 2). */
  seconds?: number;
  /** UDP payload per packet, bytes (default 64). */
  payloadBytes?: number;
  /** Stop after the first rate losing more than this share (default 0.5). */
  stopLossRatio?: number;
  /** UDP/TCP port of the iperf3 server (default 5201). */
  port?: number;
}

/** One offered rate. */
export interface ForwardingPoint {
  offeredPps: number;
  /** Packets the sender sent per second of its run. */
  sentPps: number;
  /** Packets the receiver got per second of the sender's run. */
  deliveredPps: number;
  /** 1 − received / sent (packets still in flight when the sender stopped count as lost). */
  lossRatio: number;
  seconds: number;
  /** The vNF's cgroup CPU time over the interval / packets delivered, s (NaN without a vNF). */
  cpuSPerPacket: number;
  /** The vNF's cgroup CPU time / wall time (1 = one core busy; NaN without a vNF). */
  cpuUtilisation: number;
  /** ovs-vswitchd CPU time / packets delivered, s. */
  ovsCpuSPerPacket: number;
  /** Busy CPU time of the whole machine / packets delivered, s. */
  hostCpuSPerPacket: number;
}

export const DEFAULT_RATES_PPS = [1000, 5000, 10_000, 20_000, 50_000, 100_000] as const;

interface Iperf3Sum {
  seconds?: number;
  packets?: number;
  lost_packets?: number;
}

/**
 * Packets sent (and over how many seconds) and received from an iperf3 -J UDP report: 3.12 gives
 * `end.sum_sent` (the sender's count) and `end.sum_received` (the receiver's: packets in the
 * sequence range and those missing from it); older versions only `end.sum` (sent, and the
 * receiver's lost count).
 */
export function parseIperf3Udp(stdout: string): { sentPackets: number; seconds: number; receivedPackets: number } {
  let report: { error?: string; end?: { sum?: Iperf3Sum; sum_sent?: Iperf3Sum; sum_received?: Iperf3Sum } };
  try {
    report = JSON.parse(stdout) as typeof report;
  } catch {
    throw new Error(`iperf3 printed no JSON report: ${stdout.slice(0, 200)}`);
  }
  if (report.error) throw new Error(`iperf3: ${report.error}`);
  const complete = (x: Iperf3Sum | undefined): x is Required<Iperf3Sum> => typeof x?.packets === "number" && typeof x.lost_packets === "number" && typeof x.seconds === "number";
  const { sum, sum_sent: sent, sum_received: received } = report.end ?? {};
  if (complete(sent) && complete(received)) return { sentPackets: sent.packets, seconds: sent.seconds, receivedPackets: Math.max(0, received.packets - received.lost_packets) };
  if (complete(sum)) return { sentPackets: sum.packets, seconds: sum.seconds, receivedPackets: Math.max(0, sum.packets - sum.lost_packets) };
  throw new Error("iperf3's report has neither end.sum_sent + end.sum_received nor end.sum with packets, lost_packets and seconds");
}

async function waitForServer(bed: MeasurementBed, port: number, server: LabProcess): Promise<void> {
  const end = monotonicMs() + 10_000;
  for (;;) {
    const { stdout } = await bed.server.ns.exec("ss", ["-ltnH", `sport = :${port}`]);
    if (stdout.trim() !== "") return;
    if (monotonicMs() > end) throw new Error(`the iperf3 server did not listen on ${port} within 10 s: ${server.stderr.trim()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function measureForwarding(options: ForwardingOptions): Promise<ForwardingPoint[]> {
  const rates = options.ratesPps ?? DEFAULT_RATES_PPS;
  const seconds = options.seconds ?? 2;
  const payload = options.payloadBytes ?? 64;
  const stopLoss = options.stopLossRatio ?? 0.5;
  const port = options.port ?? 5201;
  if (rates.length === 0 || rates.some((r, i) => !(r > 0) || (i > 0 && r <= (rates[i - 1] as number)))) throw new RangeError(`rates must be ascending positive numbers, got ${rates.join(",")}`);
  if (!(Number.isInteger(payload) && payload >= 16 && payload <= 1472)) throw new RangeError(`payloadBytes must be an integer in [16, 1472], got ${payload}`);
  const bed = await MeasurementBed.start();
  try {
    let vnf: ContainerVnf | undefined;
    if (options.spec) {
      vnf = await ContainerVnf.start({ spec: options.spec, image: options.image, bridge: bed.ports, ...vnfPorts(0) }, bed.bed.teardown);
      await bed.steerUeServer([vnfPorts(0)]);
    } else await bed.steerUeServer([]);
    const server = LabProcess.start(bed.bed.teardown, "iperf3", ["-s", "-p", String(port)], bed.server.ns);
    await waitForServer(bed, port, server);
    const points: ForwardingPoint[] = [];
    for (const rate of rates) {
      const vnfCpu = async (): Promise<number> => (vnf ? Number((await vnf.resources()).cpuUsageNs) / 1e9 : NaN);
      const [c0, o0, h0, t0] = [await vnfCpu(), await ovsSwitchCpuSeconds(), await hostBusyCpuSeconds(), monotonicMs()];
      const args = ["-c", SERVER.ip, "-p", String(port), "-u", "-b", String(Math.round(rate * payload * 8)), "-l", String(payload), "-t", String(seconds), "-J"];
      const out = await bed.ue.ns.exec("iperf3", args, { timeoutMs: seconds * 1000 + 20_000 }).then(
        (r) => r.stdout,
        (err: Error & { stdout?: string }) => {
          throw new Error(`iperf3 at ${rate} packets/s through ${options.spec?.kind ?? "no vNF"} failed: ${err.message}`);
        },
      );
      const [c1, o1, h1, t1] = [await vnfCpu(), await ovsSwitchCpuSeconds(), await hostBusyCpuSeconds(), monotonicMs()];
      const r = parseIperf3Udp(out);
      const delivered = Math.min(r.receivedPackets, r.sentPackets);
      const point: ForwardingPoint = {
        offeredPps: rate,
        sentPps: r.sentPackets / r.seconds,
        deliveredPps: delivered / r.seconds,
        lossRatio: r.sentPackets > 0 ? 1 - delivered / r.sentPackets : NaN,
        seconds: r.seconds,
        cpuSPerPacket: delivered > 0 ? (c1 - c0) / delivered : NaN,
        cpuUtilisation: (c1 - c0) / ((t1 - t0) / 1000),
        ovsCpuSPerPacket: delivered > 0 ? (o1 - o0) / delivered : NaN,
        hostCpuSPerPacket: delivered > 0 ? (h1 - h0) / delivered : NaN,
      };
      points.push(point);
      if (!(point.lossRatio <= stopLoss)) break;
    }
    return points;
  } finally {
    await bed.stop();
  }
}
