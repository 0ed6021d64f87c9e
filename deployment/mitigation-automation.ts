/**
 * The DDoS mitigation automation (`mitigation:` in a scenario) running beside the Manager, the
 * same in both worlds: on an `attack-detected` notification it requests the UE's blocking chain
 * (`blockingChain`) `reactionS` seconds later, and it times each block — attack start (the latest
 * flow start at or before the detection), detection, request, and the moment the blocking chain's
 * steering is in force — for the `mitigations` table. Times in seconds.
 */
import type { ChainSpec } from "../orchestrator/chains.ts";
import type { ManagerEvent, VnfNotification } from "../orchestrator/events.ts";
import { Tally } from "../base/stats/tally.ts";
import { tableRecorder } from "../base/results/data-dictionary.ts";
import type { Table } from "../base/tables.ts";
import type { Clock } from "./clock.ts";
import { blockingChain, type MitigationConfig } from "./mitigation.ts";
import type { Flow } from "./traffic/flow-config.ts";
import { MITIGATIONS_TABLE } from "./manager-outputs.ts";
import { round6 } from "./rounding.ts";

interface PendingBlock {
  attackStart: number;
  detected: number;
  requested?: number;
}

export class MitigationAutomation {
  /** attack start → blocking steering in force, seconds, per blocked UE. */
  readonly timeToBlock = new Tally("timeToBlock");
  private readonly table = tableRecorder(MITIGATIONS_TABLE);
  private readonly requestedChains = new Set<string>();
  private readonly pending = new Map<string, PendingBlock>();

  constructor(
    private readonly config: MitigationConfig,
    private readonly traffic: readonly Flow[],
    private readonly clock: Clock,
    private readonly deliver: (event: ManagerEvent) => void,
  ) {}

  /** Every event the Manager received (chain requests are remembered, notifications acted on). */
  observe(time: number, event: ManagerEvent): void {
    if (event.type === "chain-requested") this.requestedChains.add(event.chain.id);
    else if (event.type === "notification") this.onNotification(time, event);
  }

  private onNotification(time: number, event: VnfNotification): void {
    const chain: ChainSpec | undefined = blockingChain(this.config, event, this.requestedChains);
    if (!chain) return;
    this.requestedChains.add(chain.id);
    const starts = this.traffic.map((f) => f.startS).filter((s) => s <= time);
    this.pending.set(chain.id, { attackStart: Math.max(0, ...starts), detected: time });
    this.clock.after(this.config.reactionS, () => {
      const m = this.pending.get(chain.id);
      if (m) m.requested = this.clock.now();
      this.deliver({ type: "chain-requested", chain });
    });
  }

  /** A steering version of `chain` took effect at `time` (version 0: removed). */
  steeringChanged(chain: string, version: number, time: number): void {
    const m = this.pending.get(chain);
    if (!m || version <= 0 || m.requested === undefined) return;
    this.pending.delete(chain);
    this.timeToBlock.observe(time - m.attackStart);
    this.table.add([chain.replace(/^block-/, ""), m.attackStart, m.detected, m.requested, time, round6(time - m.attackStart)]);
  }

  /** The `mitigations` table: one row per blocked UE. */
  toTable(): Table {
    return this.table.toTable();
  }
}
