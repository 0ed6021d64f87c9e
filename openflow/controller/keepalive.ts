/**
 * Echo keepalive and dead-peer detection for one connection: every `intervalMs` it asks for an
 * ECHO_REQUEST to be sent; if nothing at all has been heard from the peer for `deadAfterMs` it
 * declares the peer dead. Any received message counts as a sign of life (a switch busy with a
 * long FLOW_MOD batch may answer echoes late but is still talking). Times in ms; 0 disables.
 */
export interface KeepaliveOptions {
  /** Period between echo requests, ms (0 disables keepalive). */
  intervalMs: number;
  /** Silence after which the peer is dead, ms (should exceed intervalMs). */
  deadAfterMs: number;
  sendEcho: () => void;
  onDead: (silentForMs: number) => void;
  /** Clock in ms (injectable for tests). */
  now?: () => number;
}

export class Keepalive {
  private timer: NodeJS.Timeout | undefined;
  private lastHeard: number;
  private readonly now: () => number;

  constructor(private readonly options: KeepaliveOptions) {
    this.now = options.now ?? Date.now;
    this.lastHeard = this.now();
  }

  start(): void {
    if (this.options.intervalMs <= 0 || this.timer) return;
    this.lastHeard = this.now();
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  /** Records that the peer said something. */
  heard(): void {
    this.lastHeard = this.now();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One period: dead if silent too long, otherwise send an echo. Public for deterministic tests. */
  tick(): void {
    const silent = this.now() - this.lastHeard;
    if (silent >= this.options.deadAfterMs) {
      this.stop();
      this.options.onDead(silent);
      return;
    }
    this.options.sendEcho();
  }
}
