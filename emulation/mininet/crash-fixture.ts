/**
 * Test fixture (run as a child process by crash.integration.test.ts): builds a small Mininet
 * network (a switch connected to a controller of its own, two hosts, one of them behind a 2 ms
 * relay, a background process), prints one JSON line with what it created, then waits to be
 * killed. SIGTERM/SIGINT must tear everything down through the Teardown; SIGKILL must leave the
 * driver (end of its stdin) and the relay (parent-death signal) to clean up after themselves.
 */
import { Controller } from "../../openflow/controller/server.ts";
import { RUN_PREFIX } from "../lab/names.ts";
import { Teardown } from "../lab/teardown.ts";
import { MininetNet } from "./net.ts";

const teardown = new Teardown();
const controller = new Controller({ port: 0 });
await controller.listen();
teardown.add("controller", () => controller.close());
const net = await MininetNet.start(teardown);
const s = await net.addSwitch("s", { dpid: (BigInt(process.pid) << 16n) | 0xc1n, controllerPort: controller.port });
const h1 = await net.addHost("h", { ip: "10.79.0.1/24" });
const h2 = await net.addHost("h", { ip: "10.79.0.2/24" });
await net.addLink(h1, s, { port2: 1 });
await net.addLink(h2, s, { port2: 2, delayMs: 2 });
await net.start();
const sleeper = await net.spawn(h1, ["sleep", "300"]);
const shells = await Promise.all([s, h1, h2].map(async (n) => (await net.nodeInfo(n)).pid));
const relays = [...net.relays.values()].map((r) => r.pid);
process.stdout.write(`${JSON.stringify({ prefix: RUN_PREFIX, driver: net.driverPid, pids: [net.driverPid, sleeper, ...shells, ...relays] })}\n`);
setInterval(() => undefined, 60_000);
