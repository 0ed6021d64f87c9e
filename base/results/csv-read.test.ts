import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv.ts";

describe("parseCsv", () => {
  it("reads a header row, trims cells, handles quotes, doubled quotes and CRLF, and skips blank lines", () => {
    const text = 'ID, Name ,Note\r\n1,"Smith, J","say ""hi"""\r\n\r\n2,Lee,\n';
    expect(parseCsv(text)).toEqual([
      { ID: "1", Name: "Smith, J", Note: 'say "hi"' },
      { ID: "2", Name: "Lee", Note: "" },
    ]);
  });
});
