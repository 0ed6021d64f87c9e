/**
 * Test bench for container vNFs on real traffic: an OVS bridge on our controller, hosts h1
 * (10.0.0.1, port 1) and h2 (10.0.0.2, port 2), one container vNF on ports 11 (in) and 12 (out),
 * and steering chains so that h1 → h2 traffic crosses the vNF in → out and h2 → h1 traffic
 * crosses it out → in. Also small traffic helpers (HTTP with busybox httpd/wget, iperf3).
 */
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { VnfSpec } from "../images/params.ts";
import { LabProcess } from "../lab/process.ts";
import { OvsTestbed, type TestbedHost } from "../lab/testbed.ts";
import { SteeringDriver, type SteeringChain } from "../../openflow/steering/index.ts";
import { ContainerVnf } from "./container-vnf.ts";

export const H1 = { port: 1, ip: "10.0.0.1", mac: "02:00:00:00:00:01" };
export const H2 = { port: 2, ip: "10.0.0.2", mac: "02:00:00:00:00:02" };
export const VNF_PORTS = { in: 11, out: 12 };

export interface VnfBench {
  bed: OvsTestbed;
  h1: TestbedHost;
  h2: TestbedHost;
  vnf: ContainerVnf;
  steering: SteeringDriver;
  stop(): Promise<void>;
}

function chain(id: number, srcMac: string, ingressPort: number, hops: SteeringChain["hops"], egressPort: number): SteeringChain {
  return { id, priority: 100, selector: [{ field: "eth_src", value: srcMac }], ingressPort, hops, egressPort };
}

/**
 * Builds the bench around a vNF from `spec`. With `ownMac`, the vNF's own traffic (troubleshoot
 * probes from that MAC) is steered too: leaving by out toward h2, by in toward h1.
 */
export async function startVnfBench(spec: VnfSpec, options: { ownMac?: string } = {}): Promise<VnfBench> {
  const bed = await OvsTestbed.start();
  try {
    const h1 = await bed.addHost(H1.port, H1.ip, H1.mac);
    const h2 = await bed.addHost(H2.port, H2.ip, H2.mac);
    const vnf = await ContainerVnf.start({ spec, bridge: bed.bridge, inPort: VNF_PORTS.in, outPort: VNF_PORTS.out }, bed.teardown);
    const steering = new SteeringDriver(bed.controller);
    bed.teardown.add("steering driver", async () => steering.detach());
    const dpid = bed.switch.datapathId;
    await steering.install(dpid, chain(1, H1.mac, H1.port, [{ inPort: VNF_PORTS.in, outPort: VNF_PORTS.out }], H2.port));
    await steering.install(dpid, chain(2, H2.mac, H2.port, [{ inPort: VNF_PORTS.out, outPort: VNF_PORTS.in }], H1.port));
    if (options.ownMac) {
      await steering.install(dpid, chain(3, options.ownMac, VNF_PORTS.out, [], H2.port));
      await steering.install(dpid, chain(4, options.ownMac, VNF_PORTS.in, [], H1.port));
    }
    return { bed, h1, h2, vnf, steering, stop: () => bed.stop() };
  } catch (err) {
    await bed.stop().catch(() => undefined);
    throw err;
  }
}

/**
 * Serves files with busybox httpd in `host` on `port` (registered with the bench's teardown):
 * `files` maps URL paths to contents. Resolves once it accepts connections.
 */
export async function serveHttp(bench: VnfBench, host: TestbedHost, port: number, files: Record<string, string>): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), "gnf-httpd-"));
  bench.bed.teardown.add(`httpd root ${root}`, () => rm(root, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), text);
  }
  LabProcess.start(bench.bed.teardown, "busybox", ["httpd", "-f", "-p", `${host.ip}:${port}`, "-h", root], host.ns);
  for (let i = 0; i < 50; i++) {
    const { stdout } = await host.ns.exec("busybox", ["netstat", "-ltn"]);
    if (stdout.includes(`${host.ip}:${port} `)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`busybox httpd did not listen on ${host.ip}:${port} in ${host.ns.name}`);
}

/** GET `url` from `host` with busybox wget; the body, or null if it failed or took over `timeoutS` s (default 2). */
export async function httpGet(host: TestbedHost, url: string, options: { timeoutS?: number; headers?: string[] } = {}): Promise<string | null> {
  const timeoutS = options.timeoutS ?? 2;
  const headers = (options.headers ?? []).flatMap((h) => ["--header", h]);
  try {
    // busybox wget's own -T crashes (1.35, Debian 12): bound it with busybox timeout instead.
    const { stdout } = await host.ns.exec("busybox", ["timeout", String(timeoutS), "busybox", "wget", "-q", "-O", "-", ...headers, url], { timeoutMs: (timeoutS + 3) * 1000 });
    return stdout;
  } catch {
    return null;
  }
}

/**
 * TCP throughput between `client` and an iperf3 server in `server` for `seconds`, bit/s
 * (receiver side); with `reverse`, the server sends.
 */
export async function iperf(bench: VnfBench, client: TestbedHost, server: TestbedHost, seconds: number, reverse = false): Promise<number> {
  const srv = LabProcess.start(bench.bed.teardown, "iperf3", ["-s", "-1", "-B", server.ip, "-p", "5201"], server.ns);
  for (let i = 0; i < 50 && !srv.stdout.includes("listening"); i++) await new Promise((r) => setTimeout(r, 50));
  const { stdout } = await client.ns.exec("iperf3", ["-c", server.ip, "-p", "5201", "-t", String(seconds), "-J", ...(reverse ? ["-R"] : [])], { timeoutMs: (seconds + 10) * 1000 });
  await srv.stop();
  const result = JSON.parse(stdout) as { end?: { sum_received?: { bits_per_second?: number } } };
  const bps = result.end?.sum_received?.bits_per_second;
  if (bps === undefined) throw new Error(`iperf3 gave no receiver throughput: ${stdout.slice(0, 500)}`);
  return bps;
}

/** Echo replies received by `count` pings from `host` (source address `from`, if given) to `to`. */
export async function pingFrom(host: TestbedHost, to: string, count: number, from?: string): Promise<number> {
  const args = ["-c", String(count), "-i", "0.2", "-W", "1", "-q", ...(from ? ["-I", from] : []), to];
  const text = await host.ns.exec("ping", args, { timeoutMs: 30_000 }).then(
    (r) => r.stdout,
    (err: Error) => err.message,
  );
  return Number(/(\d+) received/.exec(text)?.[1] ?? 0);
}
