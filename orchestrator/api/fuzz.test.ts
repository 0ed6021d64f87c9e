/**
 * The REST fuzz test (issue 17, "Done when"): a seeded corpus of hostile requests
 * (`hostile-requests.ts`) replayed against the real server through fastify's `inject` (no socket).
 * After every request: no 5xx, the reads the issue found broken still answer, an error body is
 * ours (JSON, our wording, no stack trace), and after every rejection nothing changed. Bounded: a
 * fixed number of requests, and the test's timeout.
 */
import { describe, expect, it } from "vitest";
import { errorSchema } from "./schemas.ts";
import { apiRig, conforms, type ApiRig } from "./test-helpers.ts";
import { hostileRequests } from "./hostile-requests.ts";

/** Requests replayed; with the per-request checks they run in a few seconds. */
const COUNT = 330;
const SEED = "issue-17";
/** Library wording and leaked internals that no error message may carry. */
const FOREIGN = /Invalid input|Invalid option|\[object Object\]|FST_ERR|discriminator|received (undefined|string|number|object|array)|\.ts:\d+|node_modules/;

async function reads(r: ApiRig): Promise<string> {
  const chains = await r.call("GET", "/chains");
  const vnfs = await r.call("GET", "/vnfs");
  expect([chains.status, vnfs.status]).toEqual([200, 200]);
  return JSON.stringify([chains.body, vnfs.body]);
}

describe("REST fuzz", () => {
  it("the corpus is deterministic and covers every kind of attack", () => {
    const a = hostileRequests(SEED, COUNT);
    expect(JSON.stringify(hostileRequests(SEED, COUNT))).toBe(JSON.stringify(a));
    expect(JSON.stringify(hostileRequests("other", COUNT))).not.toBe(JSON.stringify(a));
    const kinds = new Set(a.map((q) => q.kind));
    expect([...kinds].sort()).toEqual(["bad-content-type", "bad-escape", "bad-method", "bad-query", "deep-nesting", "huge-string", "long-id", "prototype-key", "truncated-json", "unicode", "wrong-type"]);
  });

  it(`${COUNT} hostile requests: never a 5xx, errors in our words, and a rejection changes nothing`, async () => {
    const r = apiRig();
    let before = await reads(r);
    const statuses = new Map<number, number>();
    for (const [i, q] of hostileRequests(SEED, COUNT).entries()) {
      const label = `#${i} ${q.kind}: ${q.method} ${q.url.slice(0, 80)} ${q.payload?.slice(0, 80) ?? ""}`;
      const snapshot = r.snapshot();
      const { status, body } = await r.raw(q.method, q.url, q.payload, q.headers);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      expect(status < 500, `${label} answered ${status}`).toBe(true);
      const after = await reads(r);
      if (status >= 400) {
        if (q.method !== "HEAD") {
          const error = conforms(errorSchema, body);
          expect(error.message, label).not.toMatch(FOREIGN);
        }
        expect(r.snapshot() === snapshot, `${label} changed the state`).toBe(true);
        expect(after === before, `${label} changed GET /chains or GET /vnfs`).toBe(true);
      }
      before = after;
    }
    expect(r.errors).toEqual([]);
    // Most of the corpus is refused; a few unicode requests are valid and accepted.
    const refused = [...statuses].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0);
    expect(refused).toBeGreaterThan(COUNT * 0.9);
  }, 120_000);
});
