import { describe, expect, it } from "vitest";
import { formatIpv4, formatIpv6, formatMac, parseIpv4, parseIpv6, parseMac } from "./addresses.ts";
import { EncodeError } from "./errors.ts";

const bytes = (...v: number[]): Uint8Array => Uint8Array.from(v);

describe("address text forms", () => {
  it("MAC: formats lower-case, parses ':' or '-' and upper case", () => {
    expect(formatMac(bytes(0x02, 0, 0xab, 0xcd, 0xef, 1))).toBe("02:00:ab:cd:ef:01");
    expect(parseMac("02:00:AB:cd:ef:01", "f")).toEqual(bytes(0x02, 0, 0xab, 0xcd, 0xef, 1));
    expect(parseMac("2-0-ab-cd-ef-1", "f")).toEqual(bytes(0x02, 0, 0xab, 0xcd, 0xef, 1));
    for (const bad of ["02:00:00:00:00", "02:00:00:00:00:00:00", "02:00:00:00:00:0g", "020000000001", ""]) {
      expect(() => parseMac(bad, "match[0].value")).toThrow(new EncodeError("match[0].value", `expected a MAC address like "02:00:00:00:00:01", found ${JSON.stringify(bad)}`));
    }
  });

  it("IPv4: dotted quad, each part 0..255", () => {
    expect(formatIpv4(bytes(10, 0, 0, 254))).toBe("10.0.0.254");
    expect(parseIpv4("192.168.1.255", "f")).toEqual(bytes(192, 168, 1, 255));
    for (const bad of ["10.0.0", "10.0.0.256", "10.0.0.1.", "1..2.3", "a.b.c.d", "1000.0.0.1"]) {
      expect(() => parseIpv4(bad, "f")).toThrow(EncodeError);
    }
  });

  it("IPv6: RFC 5952 canonical text, round trip", () => {
    const cases: [string, string][] = [
      ["2001:db8::1", "20010db8000000000000000000000001"],
      ["::", "00000000000000000000000000000000"],
      ["::1", "00000000000000000000000000000001"],
      ["fe80::", "fe800000000000000000000000000000"],
      ["2001:db8:0:1:1:1:1:1", "20010db8000000010001000100010001"],
      ["2001:0:0:1::1", "20010000000000010000000000000001"],
      ["1:2:3:4:5:6:7:8", "00010002000300040005000600070008"],
    ];
    for (const [text, hex] of cases) {
      const b = Uint8Array.from(Buffer.from(hex, "hex"));
      expect(formatIpv6(b)).toBe(text);
      expect(parseIpv6(text, "f")).toEqual(b);
    }
    expect(parseIpv6("2001:0DB8:0000:0000:0000:0000:0000:0001", "f")).toEqual(parseIpv6("2001:db8::1", "f"));
    for (const bad of ["", ":", ":1", "1:", "1::2::3", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "12345::", "g::"]) {
      expect(() => parseIpv6(bad, "f")).toThrow(EncodeError);
    }
  });
});
