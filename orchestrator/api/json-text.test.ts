import { describe, expect, it } from "vitest";
import { copyJson, stringifyJson } from "./json-text.ts";

/** Objects `depth` levels deep: { a: { a: … 1 } }. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe("stringifyJson", () => {
  it("writes exactly what JSON.stringify writes", () => {
    const samples: unknown[] = [
      null,
      0,
      -0,
      1.5e300,
      NaN,
      Infinity,
      "",
      'quote " backslash \\ newline \n unicode \u2028 emoji 😀 lone \ud800',
      true,
      false,
      [],
      {},
      [1, "two", null, undefined, () => 3, Symbol("s"), [[]], {}],
      { b: 1, a: undefined, c: () => 1, d: Symbol("x"), e: { f: [1, { g: "h" }] }, 2: "numeric key first", "": "empty key" },
      { date: new Date(0), boxed: [Object(1), Object("s"), Object(false)] },
      { toJSON: () => ({ replaced: true }) },
      new Date(86_400_000),
      Object.assign(Object.create({ inherited: 1 }) as object, { own: 2 }),
      new Array(3),
      Object.assign(new Array(4), { 1: "one", extra: "dropped" }),
      new Uint8Array([1, 2]),
      new Map([["a", 1]]),
    ];
    for (const sample of samples) expect(stringifyJson(sample)).toBe(JSON.stringify(sample));
    expect(stringifyJson(undefined)).toBeUndefined();
  });

  it("writes values far deeper than JSON.stringify can (which overflows the stack)", () => {
    const deep = nested(100_000);
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    const text = stringifyJson(deep) as string;
    expect(text === '{"a":'.repeat(100_000) + "1" + "}".repeat(100_000)).toBe(true);
  });

  it("refuses a cycle like JSON.stringify, but writes a shared (acyclic) value twice", () => {
    const loop: Record<string, unknown> = { x: 1 };
    loop.self = { inner: loop };
    expect(() => stringifyJson(loop)).toThrow(TypeError);
    const shared = { v: 1 };
    expect(stringifyJson({ a: shared, b: [shared] })).toBe('{"a":{"v":1},"b":[{"v":1}]}');
  });

  it("refuses a BigInt like JSON.stringify", () => {
    expect(() => stringifyJson({ n: 1n })).toThrow(TypeError);
  });
});

describe("copyJson", () => {
  it("deep-copies at any depth, dropping undefined fields", () => {
    const deep = nested(20_000);
    const copy = copyJson(deep);
    expect(copy === deep).toBe(false);
    expect(stringifyJson(copy) === stringifyJson(deep)).toBe(true);
    expect(copyJson({ a: 1, b: undefined, c: [undefined] })).toEqual({ a: 1, c: [null] });
  });
});
