/** Catalog type names and chain params → image kinds and image params (validated by the images' own checks). */
import { describe, expect, it } from "vitest";
import { VNF_TYPE_NAMES } from "../../sim/models/vnf/types.ts";
import { vnfEnvironment } from "../images/params.ts";
import { TYPE_TO_KIND, vnfSpecOf } from "./vnf-mapping.ts";

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
