/**
 * Starting and stopping vNF instances: the instance's state changes at once, the command goes to
 * the backend, and the answer (`vnf-started`, `vnf-stopped`, `vnf-failed`) arrives later (see
 * `reports.ts`).
 */
import type { Command } from "../commands.ts";
import type { ChainState, VnfInstance } from "../state.ts";
import type { ManagerContext } from "./context.ts";

/** Records a new `starting` instance of `chain`'s slot on `host`; returns its start-vnf. */
export function startInstance(ctx: ManagerContext, chain: ChainState, id: string, slot: number, host: string): Command[] {
  const v = chain.spec.vnfs[slot];
  if (!v) throw new Error(`chain ${chain.spec.id} has no slot ${slot}`);
  ctx.vnfs.set(id, { id, type: v.type, host, chain: chain.spec.id, slot, ue: chain.spec.ue, params: v.params, state: "starting", stopWhenStarted: false, keepReservation: false });
  return [{ type: "start-vnf", vnfId: id, vnfType: v.type, host, params: v.params, ue: chain.spec.ue, chain: chain.spec.id }];
}

/**
 * Stops an instance: a running one at once (stop-vnf), a starting one as soon as it reports
 * started; nothing for one already stopping, stopped or failed.
 */
export function stopInstance(inst: VnfInstance): Command[] {
  if (inst.state === "starting") inst.stopWhenStarted = true;
  else if (inst.state === "running") {
    inst.state = "stopping";
    return [{ type: "stop-vnf", vnfId: inst.id, host: inst.host }];
  }
  return [];
}
