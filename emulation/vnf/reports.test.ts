import { describe, expect, it } from "vitest";
import { parseReport } from "./reports.ts";

describe("parseReport", () => {
  it("reads the four report types of the vNF stdout contract", () => {
    expect(parseReport('{"gnf":"ready"}')).toEqual({ gnf: "ready" });
    expect(parseReport('{"gnf":"notification","kind":"ids-alert","message":"m","data":{"signature":"evil","packets":1}}')).toEqual({
      gnf: "notification",
      kind: "ids-alert",
      message: "m",
      data: { signature: "evil", packets: 1 },
    });
    expect(parseReport('{"gnf":"measurement","kind":"ping","request":"r1","data":{"received":3}}')).toEqual({ gnf: "measurement", kind: "ping", request: "r1", data: { received: 3 } });
    expect(parseReport('{"gnf":"measurement","kind":"counters","data":null}')).toEqual({ gnf: "measurement", kind: "counters", data: null });
    expect(parseReport(' {"gnf":"error","message":"bad"} ')).toEqual({ gnf: "error", message: "bad" });
  });

  it("returns null for other output and malformed reports", () => {
    for (const line of ["", "hello", "{not json", "[1]", '{"gnf":"other"}', '{"gnf":"notification","kind":"x"}', '{"gnf":"error"}', '{"kind":"ping"}']) expect(parseReport(line)).toBeNull();
    expect(parseReport('{"gnf":"notification","kind":"x","message":"m","data":[1]}')).toEqual({ gnf: "notification", kind: "x", message: "m", data: null });
  });
});
