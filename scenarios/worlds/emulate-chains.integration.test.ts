/**
 * The emulation backend under the real GNF Manager, on real Mininet/OVS/Docker (one run, two UEs):
 *
 *   ue-0: firewall (drops TCP 5001) + rate-limiter (5 Mbit/s) on all its IPv4 traffic;
 *   ue-1: a monitoring vNF (alert above 1 Mbit/s) with the DDoS mitigation automation on.
 *
 * (a) ue-0 → server: ping passes through the chain, TCP to port 5001 cannot connect (dropped by
 *     the firewall), TCP to 5201 passes at ≈ 5 Mbit/s (rate-limited; the path itself carries
 *     hundreds of Mbit/s);
 * (b) ue-1 floods the server with UDP at 20 Mbit/s: the monitor reports attack-detected, the
 *     automation asks for a ddos-dropper chain, and once it is steered the flood no longer arrives.
 * (c) a vNF container killed from outside is reported to the Manager as vnf-failed.
 * Afterwards nothing of the run is left. Skips with the reason when the lab is missing, unless
 * GNF_REQUIRE_EMULATION=1.
 */
import { describe, expect, it } from "vitest";
import { loadScenarioText } from "../load.ts";
import { labRequired } from "../../emulation/lab/availability.ts";
import { leftovers } from "../../emulation/lab/leftovers.ts";
import { run } from "../../emulation/lab/run.ts";
import { parseIperf3, parsePing } from "../../emulation/relay/measure.ts";
import { emulationLabStatus } from "../../emulation/backend/availability.ts";
import type { LiveEmulation } from "../../emulation/backend/emulation-run.ts";
import { emulateScenario } from "./emulate.ts";

const status = await emulationLabStatus();
if (!status.ok && !labRequired()) console.warn(`skipping emulation backend tests: ${status.reason}`);

const SCENARIO = `
name: emu-chains
seed: 4
duration: 45 s
topology: { type: grid, rows: 1, cols: 2, spacingM: 60, cellRangeM: 80, device: tp-link-archer-c9 }
ues: { count: 2, mobility: { model: static } }
traffic:
  - { kind: cbr, packetsPerSecond: 10, packetBytes: 200, destination: internet, headers: { ip_proto: 17, udp_dst: 9 }, label: keepalive }
chains:
  - id: fw-rl
    ue: ue-0
    vnfs: [{ type: firewall, params: { dropTcp: [5001] } }, { type: rate-limiter, params: { rateBps: 5000000 } }]
    match: { eth_type: 0x0800 }
  - id: watch
    ue: ue-1
    vnfs: [{ type: monitoring, params: { alertAboveBps: 1000000 } }]
    match: { eth_type: 0x0800 }
mitigation: { enabled: true, reactionS: 0.5 }
outputs: { sampleInterval: 1 s }
`;

async function until(what: string, timeoutMs: number, ok: () => boolean): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!ok()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.runIf(status.ok || labRequired())("emulation backend with the GNF Manager", () => {
  it("(a) firewall + rate-limiter: blocked traffic dropped, allowed traffic rate-limited; (b) the DDoS dropper blocks a flood; (c) a killed vNF is reported failed", async () => {
    if (!status.ok) throw new Error(`GNF_REQUIRE_EMULATION=1 but the emulation lab is missing: ${status.reason}`);
    const { scenario } = loadScenarioText(SCENARIO, "emu-chains.yaml");
    const seen: Record<string, unknown> = {};
    const probe = async ({ net, backend }: LiveEmulation): Promise<void> => {
      const server = net.host("server:internet");
      await until("both chains steered", 30_000, () => backend.installed.has("fw-rl") && backend.installed.has("watch"));
      // (a)
      const ping = parsePing((await net.exec("ue-0", ["ping", "-c", "5", "-i", "0.2", "-W", "2", server.ip])).stdout);
      seen["ping"] = ping;
      const iperfServer = await net.spawn("server:internet", ["iperf3", "-s", "-p", "5201"]);
      const blockedServer = await net.spawn("server:internet", ["iperf3", "-s", "-p", "5001"]);
      await new Promise((r) => setTimeout(r, 500));
      const allowed = await net.exec("ue-0", ["iperf3", "-c", server.ip, "-p", "5201", "-t", "3", "-J"], { timeoutMs: 20_000 });
      seen["allowedBps"] = parseIperf3(allowed.stdout);
      const blocked = await net.exec("ue-0", ["iperf3", "-c", server.ip, "-p", "5001", "-t", "1", "--connect-timeout", "2000", "-J"], { timeoutMs: 20_000 });
      seen["blocked"] = { exitCode: blocked.exitCode, error: (JSON.parse(blocked.stdout || "{}") as { error?: string }).error ?? "" };
      await net.mininet.kill(iperfServer);
      await net.mininet.kill(blockedServer);
      // (b): a 20 Mbit/s UDP flood from ue-1 (in the background: once blocked, its control connection is cut too),
      // measured as the bit rate arriving at the server's interface.
      const rx = async (): Promise<number> => Number((await net.exec("server:internet", ["cat", `/sys/class/net/${net.hostName("server:internet")}-eth0/statistics/rx_bytes`])).stdout.trim());
      const rate = async (ms: number): Promise<number> => {
        const [b0, t0] = [await rx(), performance.now()];
        await new Promise((r) => setTimeout(r, ms));
        return ((await rx()) - b0) * 8 / ((performance.now() - t0) / 1000);
      };
      const udpServer = await net.spawn("server:internet", ["iperf3", "-s", "-p", "5301"]);
      await new Promise((r) => setTimeout(r, 300));
      const floodStart = backend.now();
      const flood = await net.spawn("ue-1", ["iperf3", "-u", "-b", "20M", "-l", "1000", "-c", server.ip, "-p", "5301", "-t", "30"]);
      seen["floodBeforeBps"] = await rate(700);
      await until("the blocking chain", 15_000, () => backend.installed.has("block-ue-1"));
      seen["blockedAfterS"] = backend.now() - floodStart;
      await new Promise((r) => setTimeout(r, 300));
      seen["floodAfterBps"] = await rate(1500);
      await net.mininet.kill(flood);
      await net.mininet.kill(udpServer);
      // A vNF container that dies is reported to the Manager as vnf-failed.
      const monitor = [...backend.vnfs.values()].find((v) => v.type === "monitoring");
      if (!monitor) throw new Error("no monitoring vNF running");
      await run("docker", ["kill", monitor.container.name]);
      await until("the crash to be reported", 10_000, () => !backend.vnfs.has(monitor.id));
      seen["crashed"] = monitor.id;
    };
    const out = await emulateScenario(scenario, scenario.seed, { onRunning: probe, log: (l) => console.log(`emu-chains: ${l}`) });
    console.log(`emu-chains measured: ${JSON.stringify(seen)}`);
    const table = (name: string) => out.tables.find((t) => t.name === name);
    console.log(`vnf_timings: ${JSON.stringify(table("vnf_timings")?.rows)}`);
    console.log(`steering_installs: ${JSON.stringify(table("steering_installs")?.rows)}`);
    // (a) ICMP passes the chain (RTT includes the 2 × 11.2 ms of the path to the internet server).
    const ping = seen["ping"] as { received: number; minMs: number };
    expect(ping.received).toBe(5);
    expect(ping.minMs).toBeGreaterThan(20);
    expect(seen["allowedBps"]).toBeGreaterThan(3e6);
    expect(seen["allowedBps"]).toBeLessThan(6e6);
    // iperf3 -J exits 0 with an error in its report: the firewall drops the SYNs to 5001.
    expect((seen["blocked"] as { error: string }).error).toMatch(/unable to connect to server/);
    // (b) the flood arrived before the block and not after it (only ue-0's 16 kbit/s probes remain).
    expect(seen["floodBeforeBps"]).toBeGreaterThan(5e6);
    expect(seen["floodAfterBps"]).toBeLessThan(0.2e6);
    const notifications = table("notifications")?.rows ?? [];
    expect(notifications.some((r) => r[3] === "attack-detected" && r[2] === "ue-1")).toBe(true);
    // The killed container: failed, with the reason.
    const failed = (table("vnf_events")?.rows ?? []).filter((r) => r[3] === "failed");
    expect(failed.map((r) => [r[1], r[4]])).toContainEqual([seen["crashed"], expect.stringMatching(/^container .* exited$/)]);
    expect(out.metrics["vnfs.started"]?.value).toBeGreaterThanOrEqual(4);
    expect(await leftovers()).toEqual([]);
  }, 180_000);
});
