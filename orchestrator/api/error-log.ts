/**
 * The server's error log: every 5xx answer is written with its route, the error's stack and its
 * causes (`error.cause`), to stderr unless the server is given another sink.
 */
import { reasonPhrase } from "./errors.ts";

/** Characters of the URL a log entry shows. */
const LOGGED_URL_CHARS = 300;
/** Causes (`error.cause`) a log entry follows. */
const LOGGED_CAUSES = 5;

/** The log entry of a 5xx: status, route, the error's stack and its causes. */
export function internalErrorEntry(status: number, method: string, url: string, error: unknown): string {
  const lines = [`gnf serve: ${status} ${reasonPhrase(status)} on ${method} ${url.slice(0, LOGGED_URL_CHARS)}`];
  let cause: unknown = error;
  for (let i = 0; cause !== undefined && i <= LOGGED_CAUSES; i++) {
    const text = cause instanceof Error ? (cause.stack ?? `${cause.name}: ${cause.message}`) : String(cause);
    lines.push(`${i === 0 ? "  " : "  caused by: "}${text.replace(/\n/g, "\n  ")}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return lines.join("\n");
}

/** Writes each entry to stderr, one entry per write. */
export function stderrErrorLog(entry: string): void {
  process.stderr.write(`${entry}\n`);
}
