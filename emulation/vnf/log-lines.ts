/**
 * Follows a container's output (Docker logs API, from its start, so nothing printed before we
 * listen is lost) and delivers it line by line, stdout and stderr separately.
 */
import { PassThrough } from "node:stream";
import { createInterface } from "node:readline";
import type Dockerode from "dockerode";

export interface LineFollower {
  /** Resolves when the container's output ends (it exited or was removed). */
  ended: Promise<void>;
  /** Stops following. */
  close(): void;
}

export async function followLines(docker: Dockerode, container: Dockerode.Container, onLine: (line: string, stream: "stdout" | "stderr") => void): Promise<LineFollower> {
  const raw = await container.logs({ follow: true, stdout: true, stderr: true });
  const out = new PassThrough();
  const err = new PassThrough();
  docker.modem.demuxStream(raw, out, err);
  createInterface({ input: out }).on("line", (l) => onLine(l, "stdout"));
  createInterface({ input: err }).on("line", (l) => onLine(l, "stderr"));
  const ended = new Promise<void>((resolve) => {
    raw.once("end", resolve);
    raw.once("close", resolve);
    raw.once("error", () => resolve());
  }).then(() => {
    out.end();
    err.end();
  });
  return {
    ended,
    close: () => (raw as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.(),
  };
}
