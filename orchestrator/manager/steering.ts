/**
 * A chain's steering as the Manager requests it: the hops of its slots (operator-stopped slots are
 * bypassed) and the next steering version. Versions are 1, 2, 3 … per chain, strictly increasing.
 */
import type { InstallSteering, SteeringHop } from "../commands.ts";
import type { ChainState, VnfInstance } from "../state.ts";
import type { ManagerContext } from "./context.ts";

/** The hop of each slot, undefined for an operator-stopped slot (bypassed). */
export function slotHops(ctx: ManagerContext, chain: ChainState): (SteeringHop | undefined)[] {
  return chain.slots.map((id) => {
    const inst = ctx.vnfs.get(id) as VnfInstance;
    return inst.operatorStopped ? undefined : { vnfId: id, host: inst.host };
  });
}

/** The hops traffic visits now, in slot order. */
export function currentHops(ctx: ManagerContext, chain: ChainState): SteeringHop[] {
  return slotHops(ctx, chain).filter((h): h is SteeringHop => h !== undefined);
}

/**
 * The next steering version of a chain over `hops`, from its UE's access node (or the last one
 * while the UE is away); the command's `version` is the version requested.
 */
export function installSteering(ctx: ManagerContext, chain: ChainState, hops: SteeringHop[]): InstallSteering {
  const accessNode = ctx.ues.get(chain.spec.ue)?.device ?? chain.accessNode ?? "";
  const version = ++chain.steeringVersion;
  chain.accessNode = accessNode;
  chain.hasSteering = true;
  return { type: "install-steering", chain: chain.spec.id, version, ue: chain.spec.ue, accessNode, hops, selector: chain.spec.match, priority: chain.spec.priority };
}
