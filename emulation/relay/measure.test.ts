import { describe, expect, it } from "vitest";
import { parseIperf3, parsePing } from "./measure.ts";

describe("parsePing", () => {
  it("reads counts and min/avg/max RTT", () => {
    const out = "--- 10.9.0.2 ping statistics ---\n10 packets transmitted, 9 received, 10% packet loss, time 456ms\nrtt min/avg/max/mdev = 20.442/22.561/40.941/6.126 ms\n";
    expect(parsePing(out)).toEqual({ transmitted: 10, received: 9, minMs: 20.442, avgMs: 22.561, maxMs: 40.941, medianMs: NaN });
  });

  it("takes the median of the per-reply times", () => {
    const lines = [20.5, 40.9, 20.4, 20.6].map((t, i) => `64 bytes from 10.9.0.2: icmp_seq=${i + 1} ttl=64 time=${t} ms`).join("\n");
    const out = `${lines}\n4 packets transmitted, 4 received, 0% packet loss, time 60ms\nrtt min/avg/max/mdev = 20.4/25.6/40.9/8.8 ms\n`;
    expect(parsePing(out).medianMs).toBeCloseTo(20.55, 10);
    expect(parsePing(out.replace(/^.*time=40.9 ms\n/m, "")).medianMs).toBe(20.5);
  });

  it("gives NaN RTTs when nothing came back, and throws without a summary", () => {
    const none = parsePing("3 packets transmitted, 0 received, 100% packet loss, time 2031ms\n");
    expect([none.received, Number.isNaN(none.avgMs)]).toEqual([0, true]);
    expect(() => parsePing("connect: Network is unreachable")).toThrow(/no ping summary in: connect: Network is unreachable/);
  });
});

describe("parseIperf3", () => {
  it("reads the receiver's bit rate, and surfaces iperf3's own error", () => {
    expect(parseIperf3(JSON.stringify({ end: { sum_received: { bits_per_second: 9.5e6 } } }))).toBe(9.5e6);
    expect(() => parseIperf3(JSON.stringify({ error: "unable to connect to server: Connection refused" }))).toThrow("iperf3: unable to connect to server: Connection refused");
    expect(() => parseIperf3("iperf3: error")).toThrow(/not JSON/);
  });
});
