import { describe, expect, it } from "vitest";
import { vnfEnvironment } from "./params.ts";

describe("vnfEnvironment", () => {
  it("turns each vNF's parameters into the GNF_* variables its entrypoint reads", () => {
    expect(vnfEnvironment({ kind: "wire" })).toEqual([]);
    expect(vnfEnvironment({ kind: "firewall", drop: ["tcp:5001", "udp:1000-2000"], allow: ["icmp"], defaultPolicy: "drop", reportMs: 200 })).toEqual([
      "GNF_FW_DROP=tcp:5001 udp:1000-2000",
      "GNF_FW_ALLOW=icmp",
      "GNF_FW_DEFAULT=drop",
      "GNF_REPORT_MS=200",
    ]);
    expect(vnfEnvironment({ kind: "rate-limiter", rateBitsPerSecond: 20_000_000, burstBytes: 30_000, sides: "both" })).toEqual(["GNF_RATE_BPS=20000000", "GNF_BURST_BYTES=30000", "GNF_RATE_SIDES=both"]);
    expect(vnfEnvironment({ kind: "ddos-dropper", sources: ["10.0.0.3", "10.0.1.0/24"] })).toEqual(["GNF_DROP_SOURCES=10.0.0.3 10.0.1.0/24"]);
    expect(vnfEnvironment({ kind: "http-filter", urls: ["/secret", "GET /admin"], hosts: ["blocked.example"], ports: [80, 8080] })).toEqual([
      "GNF_HTTP_URL_1=/secret",
      "GNF_HTTP_URL_2=GET /admin",
      "GNF_HTTP_HOST_1=blocked.example",
      "GNF_HTTP_PORTS=80,8080",
    ]);
    expect(vnfEnvironment({ kind: "monitor", intervalMs: 250 })).toEqual(["GNF_INTERVAL_MS=250"]);
    expect(vnfEnvironment({ kind: "troubleshoot", address: "10.0.0.100/24", mac: "02:00:00:00:00:64" })).toEqual(["GNF_ADDRESS=10.0.0.100/24", "GNF_MAC=02:00:00:00:00:64"]);
    expect(vnfEnvironment({ kind: "ids-lite", signatures: [{ name: "evil", pattern: "EVIL PAYLOAD" }], intervalMs: 100 })).toEqual(["GNF_IDS_NAME_1=evil", "GNF_IDS_PATTERN_1=EVIL PAYLOAD", "GNF_INTERVAL_MS=100"]);
  });

  it("rejects bad parameters with a message naming the vNF, the key and what is expected", () => {
    expect(() => vnfEnvironment({ kind: "firewall", drop: ["tcp/80"] })).toThrow('vNF firewall: drop: rule "tcp/80" must be tcp:PORT, tcp:PORT-PORT, udp:…, tcp, udp, icmp or all');
    expect(() => vnfEnvironment({ kind: "firewall", allow: ["tcp:70000"] })).toThrow("vNF firewall: allow: port 70000 must be an integer in [1, 65535]");
    expect(() => vnfEnvironment({ kind: "rate-limiter", rateBitsPerSecond: 1.5 })).toThrow("vNF rate-limiter: rateBitsPerSecond must be an integer ≥ 8 bit/s, got 1.5");
    expect(() => vnfEnvironment({ kind: "ddos-dropper", sources: [] })).toThrow("vNF ddos-dropper: sources is empty");
    expect(() => vnfEnvironment({ kind: "ddos-dropper", sources: ["10.0.0.256"] })).toThrow('vNF ddos-dropper: sources: "10.0.0.256" is not an IPv4 address or prefix');
    expect(() => vnfEnvironment({ kind: "ddos-dropper", sources: ["10.0.0.0/33"] })).toThrow("is not an IPv4 address or prefix");
    expect(() => vnfEnvironment({ kind: "http-filter" })).toThrow("vNF http-filter: give at least one of urls or hosts to block");
    expect(() => vnfEnvironment({ kind: "http-filter", urls: ['say "hi"\n'] })).toThrow("must be 1 … 128 printable ASCII characters");
    expect(() => vnfEnvironment({ kind: "http-filter", urls: ["x".repeat(129)] })).toThrow("must be 1 … 128 printable ASCII characters");
    expect(() => vnfEnvironment({ kind: "monitor", intervalMs: 0 })).toThrow("vNF monitor: intervalMs must be an integer number of ms > 0, got 0");
    expect(() => vnfEnvironment({ kind: "troubleshoot", address: "10.0.0.100" })).toThrow("needs a prefix length");
    expect(() => vnfEnvironment({ kind: "troubleshoot", mac: "02:00:00:00:00" })).toThrow("is not a MAC address");
    expect(() => vnfEnvironment({ kind: "ids-lite", signatures: [{ name: "a b", pattern: "x" }] })).toThrow('signature name "a b" must be 1 … 32 of A-Z a-z 0-9 _ . -');
    expect(() => vnfEnvironment({ kind: "ids-lite", signatures: [{ name: "a", pattern: "x" }, { name: "a", pattern: "y" }] })).toThrow('signature name "a" appears twice');
  });
});
