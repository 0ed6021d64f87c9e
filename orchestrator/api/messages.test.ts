import { describe, expect, it } from "vitest";
import { z } from "zod";
import { chainConfigSchema } from "../config.ts";
import { describeFound, formatPath, issuesFromZod } from "./messages.ts";

/** The API issues for `value` under `schema` (which must reject it). */
function issues(schema: z.ZodType, value: unknown, root = "body", hints = {}) {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error("expected the value to be refused");
  return issuesFromZod(root, result.error, hints);
}

function messages(schema: z.ZodType, value: unknown, root = "body") {
  return issues(schema, value, root).map((i) => `${i.path}: ${i.message}`);
}

/** zod's own wording and other library leftovers that must never reach a client. */
const LIBRARY_WORDING = /Invalid (input|option|discriminator|key)|\[object Object\]|discriminator|received|Too (big|small)|Unrecognized|>=|<=/;

describe("describeFound", () => {
  it("names what was found in plain words", () => {
    expect([undefined, null, "", "abc", 7, NaN, true, [], [1], [1, 2], {}, { a: 1 }, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }].map(describeFound)).toEqual([
      "nothing",
      "null",
      "an empty string",
      'the string "abc"',
      "the number 7",
      "not-a-number",
      "true",
      "an empty list",
      "a list of 1 item",
      "a list of 2 items",
      "an empty object",
      'an object with key "a"',
      'an object with keys "a", "b", "c", "d", "e", …',
    ]);
    expect(describeFound("x".repeat(100))).toBe(`the string "${"x".repeat(60)}…"`);
  });
});

describe("formatPath", () => {
  it("writes plain keys after a dot, indexes in brackets, and other keys quoted in brackets", () => {
    expect(formatPath("body", ["vnfs", 0, "type"])).toBe("body.vnfs[0].type");
    expect(formatPath("body", ["match", "tcp_dst", "__proto__", "ip-v4"])).toBe("body.match.tcp_dst.__proto__.ip-v4");
    expect(formatPath("query", ["", "ue[]", "a.b", "é"])).toBe('query[""]["ue[]"]["a.b"]["é"]');
    expect(formatPath("body", ["k".repeat(100)])).toBe(`body["${"k".repeat(60)}…"]`);
  });
});

describe("issuesFromZod", () => {
  it("says which field, what was expected and what was found, for every kind of issue", () => {
    const schema = z
      .object({
        name: z.string().min(2).max(4),
        count: z.number().int().min(0).max(10),
        ratio: z.number().gt(0).lt(1),
        step: z.number().multipleOf(5),
        colour: z.enum(["red", "green"]),
        exact: z.literal("yes"),
        tags: z.array(z.string()).min(1).max(2),
        code: z.string().regex(/^[a-z]+$/),
        id: z.string().regex(/^[a-z]+$/, "expected lower-case letters"),
        email: z.email(),
        map: z.record(z.string().min(2), z.number()),
        flag: z.boolean(),
      })
      .strict();
    expect(
      messages(schema, { name: "a", count: 1.5, ratio: 1, step: 7, colour: "blue", exact: "no", tags: [], code: "A", id: "B", email: "nope", map: { k: 1 }, flag: "true", extra: 1 }),
    ).toEqual([
      "body.name: expected at least 2 characters, found 1",
      "body.count: expected an integer, found the number 1.5",
      "body.ratio: expected a number less than 1, found the number 1",
      "body.step: expected a multiple of 5, found the number 7",
      'body.colour: expected one of "red", "green", found the string "blue"',
      'body.exact: expected "yes", found the string "no"',
      "body.tags: expected at least 1 item, found 0",
      "body.code: expected text matching /^[a-z]+$/, found the string \"A\"",
      'body.id: expected lower-case letters, found the string "B"',
      'body.email: expected a valid email, found the string "nope"',
      'body.map.k: key "k": expected at least 2 characters, found 1',
      'body.flag: expected true or false, found the string "true"',
      'body.extra: unknown field "extra"',
    ]);
    expect(messages(schema.partial(), { name: "abcdef", count: 11, tags: ["a", "b", "c"] })).toEqual([
      "body.name: expected at most 4 characters, found 6",
      "body.count: expected a number at most 10, found the number 11",
      "body.tags: expected at most 2 items, found 3",
    ]);
  });

  it("a vNF entry that is an object names the field inside it (not 'Invalid input' at the entry)", () => {
    expect(messages(chainConfigSchema, { ue: "ue-1", vnfs: [{ typ: "ids" }] })).toEqual(['body.vnfs[0].type: expected a string, found nothing', 'body.vnfs[0].typ: unknown field "typ"']);
    expect(messages(chainConfigSchema, { ue: "ue-1", vnfs: [{ type: "" }] })).toEqual(["body.vnfs[0].type: expected at least 1 character, found 0"]);
  });

  it("names a required value without library type names", () => {
    expect(messages(z.object({ a: z.string().optional().nonoptional() }), {})).toEqual(["body.a: expected a value, found nothing"]);
    expect(messages(z.object({ a: z.never() }), { a: 1 })).toEqual(["body.a: expected no value here, found the number 1"]);
  });

  it("a value fitting no accepted form lists the forms", () => {
    expect(messages(chainConfigSchema, { ue: "ue-1", vnfs: [5] })).toEqual(["body.vnfs[0]: expected a string or an object, found the number 5"]);
    expect(messages(z.union([z.literal("a"), z.literal("b"), z.number()]), true)).toEqual(['body: expected "a", "b" or a number, found true']);
  });

  it("a tagged form with an unknown tag lists the tags, without library terms", () => {
    const tagged = z.discriminatedUnion("kind", [z.object({ kind: z.literal("static") }), z.object({ kind: z.literal("random-walk"), speed: z.number() })]);
    expect(messages(tagged, { kind: "teleport" })).toEqual(['body.kind: expected one of "static", "random-walk", found the string "teleport"']);
    expect(messages(tagged, { kind: "random-walk" })).toEqual(["body.speed: expected a number, found nothing"]);
  });

  it("uses a hint for a known key, and never an inherited property as one", () => {
    const strict = z.object({}).strict();
    expect(issues(strict, { at: 1 }, "body", { at: "scheduling is not supported" })).toEqual([{ path: "body.at", message: "scheduling is not supported" }]);
    const proto = JSON.parse('{"__proto__": 1, "toString": 2}') as unknown;
    expect(issues(strict, proto, "query", {})).toEqual([
      { path: "query.__proto__", message: 'unknown query parameter "__proto__"' },
      { path: "query.toString", message: 'unknown query parameter "toString"' },
    ]);
  });

  it("keeps a schema author's own message, and never lets library wording through", () => {
    const custom = z.object({ n: z.number().refine((n) => n % 2 === 0, "expected an even number") });
    expect(messages(custom, { n: 3 })).toEqual(["body.n: expected an even number"]);
    const refined = z.object({ n: z.number().refine((n) => n > 0) });
    expect(messages(refined, { n: -1 })).toEqual(["body.n: not accepted: found the number -1"]);
    const samples: [z.ZodType, unknown][] = [
      [chainConfigSchema, { ue: 5, vnfs: [{ typ: 1 }, 7, { type: "x", params: [] }], priority: "high", match: { tcp_dst: "x" }, at: -1 }],
      [z.object({ a: z.tuple([z.string(), z.number()]) }), { a: [1] }],
      [z.map(z.string(), z.number()), new Map([["a", "b"]])],
      [z.set(z.number()), new Set(["a"])],
      [z.object({ d: z.date() }), { d: "today" }],
      [z.object({ b: z.bigint() }), { b: 1 }],
    ];
    for (const [schema, value] of samples) for (const text of messages(schema, value)) expect(text).not.toMatch(LIBRARY_WORDING);
  });
});
