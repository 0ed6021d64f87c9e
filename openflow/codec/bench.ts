/**
 * Codec throughput: decode + encode of the whole golden set, repeatedly, for about `seconds`
 * of wall time. One message counted per decode+encode pair.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeMessage, encodeMessage } from "./message.ts";

const PACKETS = fileURLToPath(new URL("../testdata/openflow13/ryu-packet-data/", import.meta.url));

export interface CodecThroughput {
  codecMessagesPerSecond: number;
  messages: number;
  wallSeconds: number;
  goldenMessages: number;
}

export function measureCodecThroughput(options: { seconds?: number } = {}): CodecThroughput {
  const seconds = options.seconds ?? 2;
  const golden = readdirSync(PACKETS)
    .filter((f) => f.endsWith(".packet"))
    .sort()
    .map((f) => new Uint8Array(readFileSync(join(PACKETS, f))));
  // Warm-up so the JIT has compiled the codec before timing.
  for (let i = 0; i < 50; i++) for (const bytes of golden) encodeMessage(decodeMessage(bytes));
  let messages = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    for (const bytes of golden) {
      encodeMessage(decodeMessage(bytes));
      messages++;
    }
    elapsed = performance.now() - started;
  }
  const wallSeconds = elapsed / 1000;
  return { codecMessagesPerSecond: messages / wallSeconds, messages, wallSeconds, goldenMessages: golden.length };
}
