/**
 * The subscriber list of a Backend's event stream (`Backend.onEvent`): add returns the
 * unsubscribe function; emit calls every listener in subscription order, over a copy so a
 * listener may unsubscribe while being called.
 */
import type { ManagerEvent } from "./events.ts";

export class EventListeners {
  private readonly listeners: ((event: ManagerEvent) => void)[] = [];

  add(listener: (event: ManagerEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  emit(event: ManagerEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
