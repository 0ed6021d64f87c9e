/**
 * A `LiveRun` over a `FakeBackend`: the Manager driven by `runLoop`, time advancing only when told
 * (`advance`). For the API's contract tests, and for exercising `gnf serve` without a simulator.
 *
 * `submit` injects the event at the current time and, unless `deferred`, delivers it at once (so
 * the answer to a request already shows its effect); with `deferred` it waits for `advance`, as a
 * run that handles events asynchronously does.
 */
import { runLoop, type Loop } from "../backend.ts";
import type { ManagerEvent } from "../events.ts";
import type { FakeBackend } from "../fake-backend.ts";
import type { LiveDevice, LiveMetric, LiveRun } from "../live-run.ts";
import type { Manager } from "../manager.ts";

export interface FakeLiveRunOptions {
  name: string;
  manager: Manager;
  backend: FakeBackend;
  /** Host id → device model shown by `devices()`. */
  models?: Readonly<Record<string, string>>;
  deferred?: boolean;
}

export class FakeLiveRun implements LiveRun {
  readonly name: string;
  readonly manager: Manager;
  readonly backend: FakeBackend;
  private readonly loop: Loop;
  private readonly models: Readonly<Record<string, string>>;
  private readonly deferred: boolean;
  /** Every event submitted, in order. */
  readonly submitted: ManagerEvent[] = [];

  constructor(options: FakeLiveRunOptions) {
    this.name = options.name;
    this.manager = options.manager;
    this.backend = options.backend;
    this.models = options.models ?? {};
    this.deferred = options.deferred ?? false;
    this.loop = runLoop(this.manager, this.backend);
  }

  now(): number {
    return this.backend.now();
  }

  submit(event: ManagerEvent): void {
    this.submitted.push(event);
    this.backend.inject(this.backend.now(), event);
    if (!this.deferred) this.backend.runUntil(this.backend.now());
  }

  /** Delivers every event up to `now() + seconds`. */
  advance(seconds: number): void {
    this.backend.runUntil(this.backend.now() + seconds);
  }

  devices(): LiveDevice[] {
    return this.manager.hosts().map((h) => {
      const d: LiveDevice = { id: h.id, kind: h.kind, cpuCapacity: h.cpuCapacity, memoryBytes: h.memoryBytes };
      const model = this.models[h.id];
      if (model !== undefined) d.model = model;
      const report = this.manager.device(h.id)?.report;
      if (report) {
        d.cpuUtilisation = report.cpuUtilisation;
        d.memoryUsedBytes = report.memoryUsedBytes;
        d.clients = report.clients;
      }
      return d;
    });
  }

  metrics(): Record<string, LiveMetric> {
    const m = this.manager;
    return {
      eventsHandled: { value: this.loop.eventsHandled, unit: "count", description: "events the Manager handled" },
      commandsExecuted: { value: this.backend.log.length, unit: "count", description: "commands the backend executed" },
      chainsActive: { value: m.chains().filter((c) => c.status === "active").length, unit: "count", description: "chains active now" },
      migrations: { value: m.migrations().length, unit: "count", description: "migrations decided" },
      notifications: { value: m.notifications.list().length, unit: "count", description: "notifications stored" },
    };
  }

  /** Unsubscribes the Manager from the backend. */
  stop(): void {
    this.loop.stop();
  }
}
