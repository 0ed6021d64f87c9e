/**
 * A one-line progress bar on stderr for long runs: simulated-time %, events/s and ETA. It stays
 * silent when stderr is not a terminal, with --quiet, and for the first second of a run (short runs
 * print nothing). Wall-clock reads live here, in the CLI, never in the models.
 */
export class ProgressBar {
  private readonly startedMs = performance.now();
  private lastDrawMs = 0;
  private drawn = false;

  constructor(
    private readonly enabled: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly label = "",
  ) {}

  static forStderr(quiet: boolean, label = ""): ProgressBar {
    return new ProgressBar(!quiet && process.stderr.isTTY === true, process.stderr, label);
  }

  /** @param fraction simulated time reached / total, in [0, 1]; @param events processed so far */
  update(fraction: number, events: number): void {
    if (!this.enabled) return;
    const nowMs = performance.now();
    const elapsed = (nowMs - this.startedMs) / 1000;
    if (elapsed < 1 || nowMs - this.lastDrawMs < 100) return;
    this.lastDrawMs = nowMs;
    const width = 30;
    const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
    const eta = fraction > 0 ? (elapsed * (1 - fraction)) / fraction : Number.NaN;
    const line =
      `${this.label}[${"#".repeat(filled)}${".".repeat(width - filled)}] ${(fraction * 100).toFixed(1).padStart(5)}%` +
      `  ${formatRate(events / elapsed)} ev/s  ETA ${Number.isFinite(eta) ? `${eta.toFixed(0)} s` : "?"}`;
    this.stream.write(`\r${line}\x1b[K`);
    this.drawn = true;
  }

  /** Clears the line (if anything was drawn). */
  done(): void {
    if (this.drawn) this.stream.write("\r\x1b[K");
    this.drawn = false;
  }
}

function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)}M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)}k`;
  return perSecond.toFixed(0);
}
