/**
 * Errors of the REST API: one JSON shape for every 4xx/5xx answer (the wording of the messages is
 * `messages.ts`'s and `framework-errors.ts`'s). No stack trace ever leaves the server.
 *
 * @example a rejected body
 *   { statusCode: 400, error: "Bad Request", message: "body.vnfs[0].type: expected a string, found nothing",
 *     issues: [{ path: "body.vnfs[0].type", message: "expected a string, found nothing" }] }
 */
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
  414: "URI Too Long",
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
    /** What led to it (logged with a 5xx, never sent). */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
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

/** A 400 listing every issue; the message names each field and what was expected. */
export function badRequest(issues: ApiIssue[]): ApiError {
  return new ApiError(400, issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues);
}
