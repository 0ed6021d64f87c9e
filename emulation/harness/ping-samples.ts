/**
 * Per-reply round-trip times from iputils `ping` output (one `… icmp_seq=N ttl=T time=X ms` line
 * per reply), with the summary counts from `parsePing`. Pure.
 */
import { parsePing } from "../relay/measure.ts";

export interface PingSamples {
  transmitted: number;
  received: number;
  /** One RTT per reply, in order of arrival, ms. */
  rttsMs: number[];
}

/** Parses `ping` (not `-q`) output. Throws if there is no summary or the reply lines do not add up to it. */
export function parsePingSamples(stdout: string): PingSamples {
  const { transmitted, received } = parsePing(stdout);
  const rttsMs: number[] = [];
  for (const m of stdout.matchAll(/icmp_seq=\d+ ttl=\d+ time=([\d.]+) ms/g)) rttsMs.push(Number(m[1]));
  if (rttsMs.length !== received) throw new Error(`ping reported ${received} replies but printed ${rttsMs.length} reply lines`);
  return { transmitted, received, rttsMs };
}
