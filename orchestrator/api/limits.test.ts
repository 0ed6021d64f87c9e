import { describe, expect, it } from "vitest";
import { API_LIMITS, limitIssue } from "./limits.ts";

describe("limitIssue", () => {
  it("accepts values within every bound", () => {
    const atLimits = {
      s: "x".repeat(API_LIMITS.stringChars),
      ["k".repeat(API_LIMITS.stringChars)]: 1,
      list: Array.from({ length: API_LIMITS.arrayItems }, (_, i) => i),
      deep: JSON.parse("[".repeat(API_LIMITS.jsonDepth - 1) + "]".repeat(API_LIMITS.jsonDepth - 1)) as unknown,
      toString: "an ordinary key",
    };
    expect(limitIssue("body", atLimits)).toBeUndefined();
    for (const scalar of [undefined, null, 0, true, ""]) expect(limitIssue("body", scalar)).toBeUndefined();
  });

  it("names the first place over a bound, with the limit and what was found", () => {
    expect(limitIssue("body", { a: [{ b: "x".repeat(API_LIMITS.stringChars + 1) }] })).toEqual({ path: "body.a[0].b", message: `expected a string of at most ${API_LIMITS.stringChars} characters, found ${API_LIMITS.stringChars + 1}` });
    expect(limitIssue("query", { ["k".repeat(API_LIMITS.stringChars + 1)]: 1 })?.path).toBe("query");
    expect(limitIssue("body", { list: Array.from({ length: API_LIMITS.arrayItems + 1 }, () => 0) })).toEqual({ path: "body.list", message: `expected at most ${API_LIMITS.arrayItems} items, found ${API_LIMITS.arrayItems + 1}` });
    const deep = JSON.parse("[".repeat(API_LIMITS.jsonDepth + 1) + "]".repeat(API_LIMITS.jsonDepth + 1)) as unknown;
    expect(limitIssue("body", deep)).toEqual({ path: `body${"[0]".repeat(API_LIMITS.jsonDepth)}`, message: `nested too deep: expected at most ${API_LIMITS.jsonDepth} levels of objects and arrays, found an empty list at level ${API_LIMITS.jsonDepth + 1}` });
  });

  it("refuses prototype keys at any depth (as JSON.parse creates them: own properties)", () => {
    for (const key of API_LIMITS.forbiddenKeys) {
      const value = JSON.parse(`{"ok":{"list":[{"${key}":{"x":1}}]}}`) as unknown;
      expect(limitIssue("body", value)).toEqual({ path: `body.ok.list[0].${key}`, message: `the key "${key}" is not accepted anywhere in a request` });
    }
  });

  it("stops at the first problem in document order, walking 100,000 levels without recursion", () => {
    expect(limitIssue("body", { a: "x".repeat(API_LIMITS.stringChars + 1), b: { __proto__: null, constructor: 1 } })?.path).toBe("body.a");
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(limitIssue("body", value)?.message).toContain("nested too deep");
  });
});
