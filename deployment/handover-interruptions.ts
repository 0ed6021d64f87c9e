/**
 * Service interruption at handovers, measured the same way in the simulator and the emulation lab:
 * for every chain of a UE that is steered when the UE hands over, the time from the handover until
 * a steering version for the UE's new access node is in force (the chain's traffic bypasses its
 * vNFs meanwhile). Handovers that follow before it is resolved extend the same interruption.
 * Times in seconds; rows of the `handover_interruptions` table in milliseconds.
 */
import type { ChainState } from "../orchestrator/state.ts";
import { Tally } from "../base/stats/tally.ts";
import { tableRecorder } from "../base/results/data-dictionary.ts";
import { HANDOVER_INTERRUPTIONS_TABLE } from "./manager-outputs.ts";

interface Open {
  ue: string;
  chain: string;
  /** First handover of the interrupted period, seconds. */
  since: number;
  from: string;
  to: string;
  handovers: number;
}

const ACTIVE = new Set(["starting", "active"]);

export class HandoverInterruptions {
  readonly table = tableRecorder(HANDOVER_INTERRUPTIONS_TABLE);
  /** Resolved interruptions, seconds. */
  readonly tally = new Tally("interruption");
  private readonly open = new Map<string, Open>();

  constructor(
    /** The Manager's chains. */
    private readonly chains: () => readonly Readonly<ChainState>[],
    /** True when the chain has steering in force. */
    private readonly steered: (chain: string) => boolean,
    /** Rounding of times in the table. */
    private readonly round: (x: number) => number = (x) => x,
  ) {}

  /** UE `ue` moved from `from` to `to` at `time`. */
  handover(ue: string, from: string, to: string, time: number): void {
    for (const chain of this.chains()) {
      if (chain.spec.ue !== ue || !ACTIVE.has(chain.status) || !this.steered(chain.spec.id)) continue;
      const open = this.open.get(chain.spec.id);
      if (open) {
        open.to = to;
        open.handovers++;
      } else this.open.set(chain.spec.id, { ue, chain: chain.spec.id, since: time, from, to, handovers: 1 });
    }
  }

  /** A steering version of `chain` for `accessNode` took effect at `time`. */
  steeringInForce(chain: string, accessNode: string, time: number): void {
    const open = this.open.get(chain);
    if (!open || accessNode !== open.to) return;
    this.open.delete(chain);
    const s = time - open.since;
    this.tally.observe(s);
    this.table.add([this.round(open.since), open.ue, chain, open.from, open.to, open.handovers, this.round(s * 1000), true]);
  }

  /** Closes the unresolved interruptions at `now` (resolved = false) and returns the table. */
  finish(now: number) {
    for (const open of this.open.values()) this.table.add([this.round(open.since), open.ue, open.chain, open.from, open.to, open.handovers, this.round((now - open.since) * 1000), false]);
    this.open.clear();
    return this.table.toTable();
  }
}
