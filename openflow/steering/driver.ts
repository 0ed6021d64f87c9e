/**
 * The thin driver of the steering app: keeps the app's state, feeds it events (API calls and
 * switch connections from the controller) and sends the resulting messages with
 * `SwitchConnection.sendBatch`, which waits at every barrier. Batches to one switch are sent one
 * after another, never interleaved. Messages for a switch that is not connected are dropped; the
 * state is kept and reinstalled when the switch connects (`switch_connected`).
 */
import type { Controller } from "../controller/server.ts";
import type { SwitchConnection } from "../controller/connection.ts";
import { EMPTY_STEERING, steer, type SteeringEvent, type SteeringState } from "./app.ts";
import type { SteeringChain } from "./chain.ts";

export class SteeringDriver {
  private state: SteeringState = EMPTY_STEERING;
  /** Tail of the queue of batches per switch. */
  private readonly queues = new Map<bigint, Promise<void>>();
  private readonly onSwitch = (connection: SwitchConnection): void => {
    this.handle({ type: "switch_connected", datapathId: connection.datapathId }).catch((err: unknown) => this.onError(err as Error));
  };

  /**
   * @param controller where switches connect; the driver resyncs each one that (re)connects.
   * @param onError failures of resync batches nobody awaits (default: ignored; API calls reject instead).
   */
  constructor(
    private readonly controller: Controller,
    private readonly onError: (err: Error) => void = () => undefined,
  ) {
    controller.on("switch_connected", this.onSwitch);
  }

  /** Installs `chain` on switch `datapathId`, or replaces the chain with the same id; resolves after the last barrier. */
  install(datapathId: bigint, chain: SteeringChain): Promise<void> {
    return this.handle({ type: "install", datapathId, chain });
  }

  /** Removes chain `chainId` from switch `datapathId`; resolves after the barrier. */
  remove(datapathId: bigint, chainId: number): Promise<void> {
    return this.handle({ type: "remove", datapathId, chainId });
  }

  /** The chains installed per switch. */
  get chains(): SteeringState {
    return this.state;
  }

  /** Stops listening to the controller. */
  detach(): void {
    this.controller.off("switch_connected", this.onSwitch);
  }

  private handle(event: SteeringEvent): Promise<void> {
    const { state, out } = steer(this.state, event);
    this.state = state;
    const sent: Promise<void>[] = [];
    for (const { datapathId, messages } of out) {
      const previous = this.queues.get(datapathId) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(async () => {
        const connection = this.controller.switches.get(datapathId);
        if (connection) await connection.sendBatch(messages);
      });
      this.queues.set(datapathId, next);
      sent.push(next);
    }
    return Promise.all(sent).then(() => undefined);
  }
}
