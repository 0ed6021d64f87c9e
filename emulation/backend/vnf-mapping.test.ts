/** Catalog type names and chain params → image kinds and image params (validated by the images' own checks). */
import { describe, expect, it } from "vitest";
import { VNF_TYPE_NAMES } from "../../deployment/vnfs/types.ts";
import { vnfEnvironment } from "../images/params.ts";
import { TYPE_TO_KIND, vnfSpecOf } from "./vnf-mapping.ts";
import { reportEvents } from "./vnf-reports.ts";

describe("vnfSpecOf", () => {
  it("maps every catalog type to an image kind", () => {
    expect(Object.keys(TYPE_TO_KIND).sort()).toEqual([...VNF_TYPE_NAMES].sort());
  });

  it("firewall allowTcp (the scenarios' form) becomes allow rules with a default drop", () => {
    const spec = vnfSpecOf("firewall", { allowTcp: [80, 443] });
    expect(spec).toEqual({ kind: "firewall", allow: ["tcp:80", "tcp:443"], defaultPolicy: "drop" });
    expect(vnfEnvironment(spec)).toEqual(["GNF_FW_ALLOW=tcp:80 tcp:443", "GNF_FW_DEFAULT=drop"]);
    expect(vnfSpecOf("firewall", { dropTcp: [23], dropUdp: [53] })).toEqual({ kind: "firewall", drop: ["tcp:23", "udp:53"], defaultPolicy: "accept" });
  });

  it("maps the other types' parameters", () => {
    expect(vnfSpecOf("rate-limiter", { rateBps: 2e6 })).toEqual({ kind: "rate-limiter", rateBitsPerSecond: 2000000 });
    expect(vnfSpecOf("ddos-dropper", { sources: ["10.0.0.1"] })).toEqual({ kind: "ddos-dropper", sources: ["10.0.0.1"], reportMs: 1000 });
    expect(vnfSpecOf("monitoring", { alertAboveBps: 1e6 })).toEqual({ kind: "monitor", intervalMs: 1000 });
    expect(vnfSpecOf("monitoring", { alertAboveBps: 1e6, intervalS: 0.25 })).toEqual({ kind: "monitor", intervalMs: 250 });
    expect(() => vnfSpecOf("monitoring", { intervalS: "1 s" })).toThrow('vNF monitoring: params.intervalS must be a number of seconds > 0, got "1 s"');
    expect(vnfSpecOf("ids", { signatures: ["web", { name: "x", pattern: "GET /x" }] })).toEqual({ kind: "ids-lite", signatures: [{ name: "web", pattern: "web" }, { name: "x", pattern: "GET /x" }] });
    expect(vnfSpecOf("troubleshooting", { target: "nfvi" })).toEqual({ kind: "troubleshoot" });
    expect(vnfSpecOf("wire", {})).toEqual({ kind: "wire" });
  });

  it("says what is wrong with bad parameters and unknown types", () => {
    expect(() => vnfSpecOf("dpi", {})).toThrow('vNF type "dpi" has no emulation image (known: wire, firewall');
    expect(() => vnfSpecOf("firewall", { allowTcp: "80" })).toThrow('vNF firewall: params.allowTcp must be a list of port numbers, got "80"');
    expect(() => vnfSpecOf("ids", {})).toThrow("vNF ids: params.signatures must be a list");
  });
});

describe("reportEvents", () => {
  const vnf = { id: "v1", ue: "ue-0", type: "monitoring", params: { alertAboveBps: 1e6 } };
  it("relays notifications and turns a monitor's counters into one attack-detected above the threshold", () => {
    expect(reportEvents({ gnf: "notification", kind: "ids-alert", message: "m", data: null }, vnf, 0, { alerted: false })).toEqual([{ type: "notification", vnf: "v1", ue: "ue-0", kind: "ids-alert", message: "m" }]);
    const state = { alerted: false };
    const counters = (rxBytes: number) => ({ gnf: "measurement" as const, kind: "counters", data: { in: { rxBytes } } });
    expect(reportEvents(counters(0), vnf, 0, state)).toEqual([]);
    expect(reportEvents(counters(100_000), vnf, 1000, state)).toEqual([]); // 0.8 Mbit/s
    const alert = reportEvents(counters(400_000), vnf, 2000, state); // 2.4 Mbit/s
    expect(alert.map((e) => [e.kind, e.data])).toEqual([["attack-detected", { rateBps: 2400000, thresholdBps: 1e6 }]]);
    expect(reportEvents(counters(700_000), vnf, 3000, state)).toEqual([]); // still above: once
    expect(reportEvents(counters(700_100), vnf, 4000, state)).toEqual([]); // fell back
    expect(reportEvents(counters(1_100_100), vnf, 5000, state).length).toBe(1);
  });
});
