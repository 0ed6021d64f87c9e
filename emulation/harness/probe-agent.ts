/**
 * Forwarding-probe agent, run inside a lab namespace by `ForwardingProbe` (node --import tsx).
 *
 * - `receive PORT`: listens on UDP PORT; prints `<id> <t>` the first time a datagram with payload
 *   `<id>` arrives, t = CLOCK_MONOTONIC ns (process.hrtime.bigint(), the same clock in every process
 *   on the machine).
 * - `send PORT`: reads lines `<id> <ipv4>` (start probing) and `done <id>` (stop) on stdin; sends
 *   payload `<id>` to every pending target on PORT every 5 ms. Exits when stdin ends.
 *
 * Both print `ready` once set up. Traffic goes only to the addresses the parent gives.
 */
import { createSocket } from "node:dgram";
import { createInterface } from "node:readline";

const [mode, portText] = process.argv.slice(2);
const port = Number(portText);
if ((mode !== "receive" && mode !== "send") || !Number.isInteger(port)) {
  process.stderr.write("usage: probe-agent.ts receive|send PORT\n");
  process.exit(2);
}
const socket = createSocket("udp4");
// A target without a path yet (no route, no neighbour) is retried on the next tick.
socket.on("error", () => undefined);
const ignore = (): void => undefined;

if (mode === "receive") {
  const seen = new Set<string>();
  socket.on("message", (msg) => {
    const id = msg.toString("utf8");
    if (seen.has(id)) return;
    seen.add(id);
    process.stdout.write(`${id} ${process.hrtime.bigint()}\n`);
  });
  socket.bind(port, () => process.stdout.write("ready\n"));
} else {
  const pending = new Map<string, string>();
  const timer = setInterval(() => {
    for (const [id, ip] of pending) socket.send(id, port, ip, ignore);
  }, 5);
  createInterface({ input: process.stdin })
    .on("line", (line) => {
      const [a, b] = line.trim().split(/\s+/);
      if (a === "done" && b !== undefined) pending.delete(b);
      else if (a !== undefined && b !== undefined) {
        pending.set(a, b);
        socket.send(a, port, b, ignore);
      }
    })
    .on("close", () => {
      clearInterval(timer);
      socket.close();
    });
  socket.bind(() => process.stdout.write("ready\n"));
}
