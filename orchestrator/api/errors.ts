/**
 * Errors of the REST API: one JSON shape for every 4xx/5xx answer, and the translation of zod
 * issues into messages that name the field and what was expected. No stack trace ever leaves the
 * server.
 *
 * @example a rejected body
 *   { statusCode: 400, error: "Bad Request", message: "body.vnfs[0]: expected a vNF type name …",
 *     issues: [{ path: "body.vnfs[0]", message: "…" }] }
 */
import type { z } from "zod";
import type { OperatorRefusal } from "../manager.ts";

/** One problem with a request, located by a path such as `body.match.tcp_dst` or `query.kind`. */
export interface ApiIssue {
  path: string;
  message: string;
}

/** HTTP reason phrases of the statuses the API answers with. */
const REASONS: Readonly<Record<number, string>> = {
  400: "Bad Request",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Entity",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? (status >= 500 ? "Server Error" : "Client Error");
}

/** An error a route throws to answer with `status` and a JSON error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The JSON body sent to the client. */
  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { statusCode: this.status, error: reasonPhrase(this.status), message: this.message };
    if (this.issues.length > 0) body.issues = this.issues;
    return body;
  }
}

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  issues?: ApiIssue[];
}

/** Maps a Manager refusal of an operator action onto 404 / 409 / 422. */
export function refusalError(refusal: OperatorRefusal): ApiError {
  const status = refusal.kind === "not-found" ? 404 : refusal.kind === "conflict" ? 409 : 422;
  return new ApiError(status, refusal.message);
}

/** `["vnfs", 0, "type"]` under `body` → `body.vnfs[0].type`. */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `.${String(key)}`;
  return out;
}

/** Hints for keys a client may carry over from a scenario file or mistype. */
export type KeyHints = Readonly<Record<string, string>>;

/** zod issues of the part `root` ("body", "query", "params") → API issues. */
export function issuesFromZod(root: string, error: z.ZodError, hints: KeyHints = {}): ApiIssue[] {
  const out: ApiIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const where = formatPath(root, [...issue.path, key]);
        out.push({ path: where, message: hints[key] ?? `unknown ${root === "query" ? "query parameter" : "field"} "${key}"` });
      }
      continue;
    }
    out.push({ path: formatPath(root, issue.path), message: issue.message.replace(/^Invalid input: /, "") });
  }
  return out;
}

/** A 400 listing every issue; the message names each field and what was expected. */
export function badRequest(issues: ApiIssue[]): ApiError {
  return new ApiError(400, issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues);
}
