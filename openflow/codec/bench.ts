/**
 * Codec throughput: decode + encode of the whole golden set, repeatedly. One message counted per
 * decode+encode pair.
 *
 * The JIT needs about a second of this loop before the codec runs at its steady speed (measured
 * here: the first 0.5 s runs at ~55 % of it), so `warmupSeconds` of untimed passes come first;
 * the rate is then the mean over `seconds` of timed passes. The timed part is also split into
 * windows of about `windowSeconds`, whose rates show how steady the machine was.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeMessage, encodeMessage } from "./message.ts";

const PACKETS = fileURLToPath(new URL("../testdata/openflow13/ryu-packet-data/", import.meta.url));

export interface CodecThroughput {
  /** Mean rate over the timed part (messages/s). */
  codecMessagesPerSecond: number;
  messages: number;
  wallSeconds: number;
  warmupSeconds: number;
  /** Rates of consecutive windows of the timed part (messages/s), in order. */
  windowRates: number[];
  goldenMessages: number;
}

export interface CodecBenchOptions {
  /** Timed part (s); default 3. */
  seconds?: number;
  /** Untimed passes first, for this long (s); default 2. */
  warmupSeconds?: number;
  /** Window length (s) for `windowRates`; default 0.5. */
  windowSeconds?: number;
}

export function loadGoldenMessages(): Uint8Array[] {
  return readdirSync(PACKETS)
    .filter((f) => f.endsWith(".packet"))
    .sort()
    .map((f) => new Uint8Array(readFileSync(join(PACKETS, f))));
}

export function measureCodecThroughput(options: CodecBenchOptions = {}): CodecThroughput {
  const seconds = options.seconds ?? 3;
  const warmupSeconds = options.warmupSeconds ?? 2;
  const windowMs = (options.windowSeconds ?? 0.5) * 1000;
  const golden = loadGoldenMessages();
  const pass = (): void => {
    for (const bytes of golden) encodeMessage(decodeMessage(bytes));
  };
  const warmupStarted = performance.now();
  do pass();
  while (performance.now() - warmupStarted < warmupSeconds * 1000);

  const windowRates: number[] = [];
  let messages = 0;
  let windowMessages = 0;
  const started = performance.now();
  let windowStarted = started;
  let now = started;
  while (now - started < seconds * 1000) {
    pass();
    messages += golden.length;
    windowMessages += golden.length;
    now = performance.now();
    if (now - windowStarted >= windowMs) {
      windowRates.push((windowMessages * 1000) / (now - windowStarted));
      windowStarted = now;
      windowMessages = 0;
    }
  }
  const wallSeconds = (now - started) / 1000;
  return { codecMessagesPerSecond: messages / wallSeconds, messages, wallSeconds, warmupSeconds, windowRates, goldenMessages: golden.length };
}
