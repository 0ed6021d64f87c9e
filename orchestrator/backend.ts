/**
 * The backend contract: the one interface through which the pure Manager acts on a world. The sim
 * backend (DES, cost models) and the emulation backend (Docker/OVS/OpenFlow) implement it; so does
 * `FakeBackend` for tests.
 *
 * Obligations of an implementation:
 * - `now()` is the backend's clock in seconds (simulated time, or wall-clock seconds since the run
 *   began); it never decreases.
 * - Every command gets exactly one answering event, delivered after `execute` (synchronously
 *   within `execute` is allowed; `runLoop` queues it):
 *     start-vnf        → vnf-started | vnf-failed     (same vnfId)
 *     stop-vnf         → vnf-stopped                  (same vnfId; vnf-failed if the stop fails)
 *     transfer-state   → state-transferred            (same fromVnfId/toVnfId; a broken target
 *                                                      answers vnf-failed for toVnfId instead)
 *     install-steering → steering-installed           (same chain, version; after the barrier)
 *     remove-steering  → steering-removed             (same chain, version)
 *     set-timer        → timer                        (same name, at max(at, now))
 *   "At max(at, now)": never before it (up to round-off: a DES clock that reaches `at` by a delay,
 *   now + (at − now), may land one floating-point step off); a wall clock within its timer slack.
 * - A start-vnf on a host or of a vNF type the backend does not know, and a stop-vnf of a vNF it
 *   does not run, are valid commands: answered by vnf-failed, never by a throw (`FakeBackend`,
 *   which models no hosts, starts and stops anything). The Manager sends stop-vnf only for a vNF
 *   whose start was answered (it stops a starting vNF once it has started); what a backend answers
 *   to a stop of a vNF whose start is still unanswered is not specified beyond "exactly once".
 * - Unsolicited events (UE connect/disconnect/handover, device reports, notifications, crashes as
 *   vnf-failed, latency observations, chain requests from the operator) may arrive at any time.
 * - Events are delivered in the order they happen; equal times in the order they were produced.
 * - `onEvent`'s unsubscribe function works at once: the listener is not called again, not even
 *   for the rest of a delivery in progress; calling it twice does nothing.
 * `backend-contract.ts` checks all of this against an implementation (`describeBackendContract`).
 */
import type { Command } from "./commands.ts";
import type { ManagerEvent } from "./events.ts";

export interface Backend {
  /** The backend's clock, seconds. */
  now(): number;
  /** Starts executing a command; its outcome arrives later as an event. Must not throw for valid commands. */
  execute(command: Command): void;
  /** Subscribes to every event; returns an unsubscribe function (see above). */
  onEvent(listener: (event: ManagerEvent) => void): () => void;
}

/** The part of the Manager a loop drives. */
export interface EventHandler {
  start(now: number): Command[];
  handle(event: ManagerEvent, now: number): Command[];
}

/** Optional taps for tracing (no effect on behaviour). */
export interface LoopObserver {
  onEvent?(event: ManagerEvent, now: number): void;
  onCommand?(command: Command, now: number): void;
}

export interface Loop {
  /** Unsubscribes; later events are ignored. */
  stop(): void;
  /** Events handled so far. */
  readonly eventsHandled: number;
}

/**
 * Connects a Manager to a Backend: issues `start(now)`'s commands, then for every event calls
 * `handle(event, backend.now())` and executes the returned commands in order. Events that arrive
 * while commands are being executed are queued and handled afterwards, in arrival order, so the
 * Manager never re-enters.
 */
export function runLoop(manager: EventHandler, backend: Backend, observer: LoopObserver = {}): Loop {
  const queue: ManagerEvent[] = [];
  let busy = false;
  let stopped = false;
  let handled = 0;
  const execute = (commands: readonly Command[], now: number): void => {
    for (const c of commands) {
      observer.onCommand?.(c, now);
      backend.execute(c);
    }
  };
  const drain = (): void => {
    if (busy) return;
    busy = true;
    try {
      for (let event = queue.shift(); event !== undefined && !stopped; event = queue.shift()) {
        const now = backend.now();
        observer.onEvent?.(event, now);
        handled++;
        execute(manager.handle(event, now), now);
      }
    } finally {
      busy = false;
    }
  };
  const unsubscribe = backend.onEvent((event) => {
    if (stopped) return;
    queue.push(event);
    drain();
  });
  busy = true;
  try {
    execute(manager.start(backend.now()), backend.now());
  } finally {
    busy = false;
  }
  drain();
  return {
    stop() {
      stopped = true;
      unsubscribe();
    },
    get eventsHandled() {
      return handled;
    },
  };
}
