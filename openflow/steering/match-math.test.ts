import { describe, expect, it } from "vitest";
import { covers, overlaps, sameMatch } from "./match-math.ts";
import { chainCookie, parseChainCookie } from "./cookies.ts";

describe("match arithmetic", () => {
  const net24 = [{ field: "ipv4_src", value: "10.0.0.0", mask: "255.255.255.0" }];
  const host = [{ field: "ipv4_src", value: "10.0.0.9" }];
  const other = [{ field: "ipv4_src", value: "10.0.1.9" }];
  it("covers: a /24 covers its hosts, not the reverse; the empty match covers all", () => {
    expect([covers(net24, host), covers(host, net24), covers(net24, other), covers([], host)]).toEqual([true, false, false, true]);
  });
  it("overlaps: a /24 and its host overlap, other hosts do not; different fields always overlap", () => {
    expect([overlaps(net24, host), overlaps(host, net24), overlaps(net24, other), overlaps(host, [{ field: "tcp_dst", value: 80 }])]).toEqual([true, true, false, true]);
  });
  it("sameMatch normalises masked-off bits", () => {
    expect(sameMatch([{ field: "ipv4_src", value: "10.0.0.77", mask: "255.255.255.0" }], net24)).toBe(true);
    expect(sameMatch(net24, host)).toBe(false);
  });
});

describe("steering cookies", () => {
  it("tag, chain id and version round-trip; out-of-range ids are refused", () => {
    expect(chainCookie(7, 2)).toBe(0x474e_0000_0007_0002n);
    expect(parseChainCookie(0x474e_0000_0007_0002n)).toEqual({ id: 7, version: 2 });
    expect(parseChainCookie(0x2an)).toBe(undefined);
    expect(() => chainCookie(-1, 0)).toThrow(RangeError);
    expect(() => chainCookie(1, 70000)).toThrow("chain version 70000 must be an integer in [0, 65535]");
  });
});
