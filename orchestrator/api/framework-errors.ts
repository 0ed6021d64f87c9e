/**
 * fastify's own request errors (body too large, wrong content type, bad URL, path segment too
 * long, …) in our own words: each becomes an `ApiError` whose message names what was wrong, the
 * limit (`API_LIMITS`) and what was found, instead of fastify's text and `FST_ERR_…` code.
 */
import { ApiError } from "./errors.ts";
import { API_LIMITS } from "./limits.ts";

/** What fastify reports: its code (`FST_ERR_…`) and HTTP status. */
export interface FrameworkError {
  code?: string;
  statusCode?: number;
  message: string;
}

/** What the translation may mention about the request. */
export interface RequestFacts {
  method: string;
  url: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

function header(facts: RequestFacts, name: string): string | undefined {
  const value = facts.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** The longest segment of the URL's path, characters (after percent-decoding when it decodes). */
function longestSegment(url: string): number {
  const path = url.split("?")[0] ?? "";
  let longest = 0;
  for (const segment of path.split("/")) {
    let text = segment;
    try {
      text = decodeURIComponent(segment);
    } catch {
      // keep the raw segment
    }
    longest = Math.max(longest, text.length);
  }
  return longest;
}

/**
 * The `ApiError` answering a fastify request error, or undefined when `error` is not one (a 5xx,
 * or an error of ours). Only 4xx errors are translated; anything else stays a 500.
 */
export function translateFrameworkError(error: FrameworkError, facts: RequestFacts): ApiError | undefined {
  const status = error.statusCode;
  if (typeof status !== "number" || status < 400 || status >= 500) return undefined;
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE": {
      const length = header(facts, "content-length");
      return new ApiError(413, `body: expected at most ${API_LIMITS.bodyBytes} bytes, found ${length === undefined ? "more" : `${length} bytes`}`);
    }
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE": {
      const type = header(facts, "content-type");
      return new ApiError(415, `content-type: expected application/json, found ${type === undefined ? "no content-type with a body" : JSON.stringify(type)}`);
    }
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new ApiError(400, `content-length: expected the length of the body sent, found ${header(facts, "content-length") ?? "none"}`);
    case "FST_ERR_BAD_URL":
      return new ApiError(400, `url: expected a path with valid percent-escapes (%XX), found ${JSON.stringify(facts.url.split("?")[0]?.slice(0, 200))}`);
    case "FST_ERR_MAX_PARAM_LENGTH":
      return new ApiError(414, `url: expected path segments of at most ${API_LIMITS.pathParamChars} characters, found one of ${longestSegment(facts.url)}`);
    default:
      return new ApiError(status, `the request could not be read (${facts.method} ${facts.url.split("?")[0]?.slice(0, 200) ?? ""})`);
  }
}
