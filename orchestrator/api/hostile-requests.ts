/**
 * A seeded corpus of hostile REST requests for the API's fuzz test (`fuzz.test.ts`): deep nesting,
 * huge strings, wrong types, prototype keys, long ids, bad methods, bad content types, truncated
 * JSON, unicode, bad queries and percent-escapes, each built from a valid request of the test rig's
 * world (`test-helpers.ts`). The same seed gives the same requests (base/rng.ts streams), so a
 * failure names a request that can be replayed.
 */
import { RandomStream } from "../../base/rng.ts";
import { API_LIMITS } from "./limits.ts";

export interface HostileRequest {
  /** What the request attacks, e.g. "deep-nesting", "prototype-key" (for failure messages). */
  kind: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The raw body, sent as it is. */
  payload?: string;
}

/** Requests the rig's world accepts; the corpus bends them. */
const VALID: readonly { method: string; url: string; body?: () => unknown }[] = [
  { method: "POST", url: "/chains", body: () => ({ id: "fz", ue: "ue-2", vnfs: ["ids", { type: "firewall", params: { rules: ["a", "b"], level: 3 } }], match: { ip_proto: 6, tcp_dst: 80 }, priority: 10 }) },
  { method: "POST", url: "/vnfs/c1.1.ids.1/migrate", body: () => ({ host: "nfvi", mode: "make-before-break" }) },
  { method: "POST", url: "/vnfs/c1.1.ids.1/start", body: () => ({ host: "edge-1" }) },
  { method: "PUT", url: "/placement", body: () => ({ algorithm: "best-fit", seed: 3 }) },
  { method: "GET", url: "/chains?ue=ue-1&status=active" },
  { method: "GET", url: "/vnfs?chain=c1&state=running" },
  { method: "GET", url: "/notifications?acknowledged=false" },
  { method: "DELETE", url: "/chains/c1" },
  { method: "POST", url: "/notifications/n-1/ack" },
];

const ID_ROUTES = ["GET /chains/{id}", "DELETE /chains/{id}", "GET /vnfs/{id}", "POST /vnfs/{id}/stop", "POST /vnfs/{id}/start", "POST /vnfs/{id}/mute", "GET /notifications/{id}", "DELETE /notifications/{id}", "GET /migrations/{id}", "GET /ues/{id}"];

const WEIRD_TEXT = ["é", "😀", "\u0000", "\ud800", "\u202e", "ＡＢＣ", "../..", "%00", "' OR 1=1 --", "<script>", "\n\r", "\\", '"', "ue-2\u0000"];

const JSON_TYPE = { "content-type": "application/json" };

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Percent-encodes `text`; a lone surrogate (which has no UTF-8) becomes the invalid bytes %ED%A0%80. */
function encodeLoose(text: string): string {
  return text
    .split(LONE_SURROGATE)
    .map((part) => encodeURIComponent(part))
    .join("%ED%A0%80");
}

/** Draws from one seeded stream. */
class Draw {
  constructor(private readonly stream: RandomStream) {}

  int(low: number, high: number): number {
    return this.stream.integer(low, high);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }

  chance(p: number): boolean {
    return this.stream.random() < p;
  }

  /** A value of a random JSON type. */
  anyValue(): unknown {
    return this.pick<() => unknown>([() => this.int(-1e9, 1e9), () => this.chance(0.5), () => null, () => [], () => ({}), () => "", () => this.pick(WEIRD_TEXT), () => 1e308 * 10, () => [1, "a", null]])();
  }

  /** Text of `length` characters mixing ASCII and unicode. */
  text(length: number): string {
    const unit = this.pick(["a", "é", "😀", "\u0000", "x"]);
    return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  }
}

/** Every object and array inside `value`, with the key path to each. */
function containers(value: unknown): object[] {
  const out: object[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object") continue;
    out.push(v);
    stack.push(...Object.values(v));
  }
  return out;
}

/** Sets own enumerable `key` on `target` (also `__proto__`, as JSON.parse would). */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const PLACEHOLDER = "\u0000nest\u0000";

/** JSON of `body` with the placeholder string replaced by raw `text`. */
function withRaw(body: unknown, text: string): string {
  return JSON.stringify(body).replace(JSON.stringify(PLACEHOLDER), text);
}

function nestedText(draw: Draw, depth: number): string {
  const array = draw.chance(0.5);
  return array ? "[".repeat(depth) + "1" + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

type Maker = (draw: Draw) => HostileRequest;

function validWithBody(draw: Draw): { method: string; url: string; body: unknown } {
  const withBody = VALID.filter((v) => v.body);
  const v = draw.pick(withBody);
  return { method: v.method, url: v.url, body: (v.body as () => unknown)() };
}

const MAKERS: Readonly<Record<string, Maker>> = {
  "deep-nesting": (draw) => {
    const { method, url, body } = validWithBody(draw);
    const target = draw.pick(containers(body).filter((c) => !Array.isArray(c)));
    setOwn(target, draw.pick(["params", "match", "host", "x"]), PLACEHOLDER);
    const depth = draw.chance(0.3) ? draw.int(API_LIMITS.jsonDepth, API_LIMITS.jsonDepth + 3) : draw.int(100, 20_000);
    return { kind: "deep-nesting", method, url, headers: JSON_TYPE, payload: withRaw(body, nestedText(draw, depth)) };
  },
  "huge-string": (draw) => {
    const { method, url, body } = validWithBody(draw);
    const target = draw.pick(containers(body));
    const length = draw.chance(0.2) ? API_LIMITS.bodyBytes + draw.int(1, 5000) : draw.int(API_LIMITS.stringChars + 1, 20_000);
    const text = draw.text(length);
    if (Array.isArray(target)) target.push(text);
    else if (draw.chance(0.2)) setOwn(target, text, 1);
    else setOwn(target, draw.pick([...Object.keys(target), "id", "ue", "host"]), text);
    return { kind: "huge-string", method, url, headers: JSON_TYPE, payload: JSON.stringify(body) };
  },
  "wrong-type": (draw) => {
    const { method, url, body } = validWithBody(draw);
    const target = draw.pick(containers(body));
    const keys = Object.keys(target);
    const value = draw.anyValue();
    if (keys.length > 0) setOwn(target, draw.pick(keys), value);
    const payload = draw.chance(0.15) ? JSON.stringify(draw.anyValue()) : JSON.stringify(body);
    return { kind: "wrong-type", method, url, headers: JSON_TYPE, payload };
  },
  "prototype-key": (draw) => {
    const key = draw.pick(API_LIMITS.forbiddenKeys);
    if (draw.chance(0.3)) {
      const v = draw.pick(VALID.filter((r) => r.method === "GET"));
      return { kind: "prototype-key", method: "GET", url: `${v.url}&${draw.pick([key, `${key}[x]`, `a[${key}]`])}=1`, headers: {} };
    }
    const { method, url, body } = validWithBody(draw);
    setOwn(draw.pick(containers(body).filter((c) => !Array.isArray(c))), key, draw.chance(0.5) ? { polluted: true } : draw.anyValue());
    return { kind: "prototype-key", method, url, headers: JSON_TYPE, payload: JSON.stringify(body) };
  },
  "long-id": (draw) => {
    if (draw.chance(0.4)) {
      const body = { id: "i".repeat(draw.int(API_LIMITS.chainIdChars + 1, 400)), ue: "ue-2", vnfs: ["ids"] };
      return { kind: "long-id", method: "POST", url: "/chains", headers: JSON_TYPE, payload: JSON.stringify(body) };
    }
    const [method, path] = draw.pick(ID_ROUTES).split(" ") as [string, string];
    const id = encodeLoose(draw.text(draw.int(API_LIMITS.pathParamChars - 2, 3000)));
    return { kind: "long-id", method, url: path.replace("{id}", id), headers: {} };
  },
  "bad-method": (draw) => {
    const v = draw.pick(VALID);
    const method = draw.pick(["PATCH", "OPTIONS", "TRACE", "PUT", "DELETE", "POST", "SEARCH"].filter((m) => m !== v.method));
    const payload = draw.chance(0.5) && v.body ? JSON.stringify(v.body()) : undefined;
    return { kind: "bad-method", method, url: v.url.split("?")[0] as string, headers: payload === undefined ? {} : JSON_TYPE, ...(payload === undefined ? {} : { payload }) };
  },
  "bad-content-type": (draw) => {
    const { method, url, body } = validWithBody(draw);
    const type = draw.pick(["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/jsonx", "json", "", "application/octet-stream"]);
    const headers: Record<string, string> = type === "" ? {} : { "content-type": type };
    return { kind: "bad-content-type", method, url, headers, payload: JSON.stringify(body) };
  },
  "truncated-json": (draw) => {
    const { method, url, body } = validWithBody(draw);
    const text = JSON.stringify(body);
    const cut = draw.int(1, text.length - 1);
    const payload = draw.pick([text.slice(0, cut), `${text}${draw.pick(["}", "]", ",", "x", "{}"])}`, text.slice(cut), `${text.slice(0, cut)}\u0000${text.slice(cut)}`, "{'single': 1}", "NaN", "[1,]"]);
    return { kind: "truncated-json", method, url, headers: JSON_TYPE, payload };
  },
  unicode: (draw) => {
    if (draw.chance(0.4)) {
      const [method, path] = draw.pick(ID_ROUTES).split(" ") as [string, string];
      return { kind: "unicode", method, url: path.replace("{id}", encodeLoose(draw.pick(WEIRD_TEXT) + draw.text(draw.int(1, 10)))), headers: {} };
    }
    const body = { id: `${draw.pick(["c", "fz"])}${draw.pick(WEIRD_TEXT)}`, ue: draw.pick(WEIRD_TEXT), vnfs: [draw.pick(["ids", "firewall"]) + draw.pick(WEIRD_TEXT)] };
    return { kind: "unicode", method: "POST", url: "/chains", headers: JSON_TYPE, payload: JSON.stringify(body) };
  },
  "bad-query": (draw) => {
    const v = draw.pick(VALID.filter((r) => r.method === "GET"));
    const extra = draw.pick([`&status=${encodeLoose(draw.pick(WEIRD_TEXT))}`, "&ue=a&ue=b", `&ue=${"q".repeat(API_LIMITS.stringChars + draw.int(1, 3000))}`, "&colour=red", "&ue=", "&ue[]=1", "&ue[a]=1", "&&&=&="]);
    return { kind: "bad-query", method: "GET", url: `${v.url}${extra}`, headers: {} };
  },
  "bad-escape": (draw) => {
    const [method, path] = draw.pick(ID_ROUTES).split(" ") as [string, string];
    return { kind: "bad-escape", method, url: path.replace("{id}", draw.pick(["%", "%zz", "%E0%A4%A", "%C0%AF", "a%2Fb", "%ff"])), headers: {} };
  },
};

/** `count` hostile requests drawn from the stream `"api-fuzz"` of `seed`, kinds in turn. */
export function hostileRequests(seed: string, count: number): HostileRequest[] {
  const draw = new Draw(new RandomStream(`${seed}/api-fuzz`));
  const kinds = Object.keys(MAKERS);
  return Array.from({ length: count }, (_, i) => (MAKERS[kinds[i % kinds.length] as string] as Maker)(draw));
}
