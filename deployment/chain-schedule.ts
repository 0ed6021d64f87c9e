/**
 * The scenario's chain schedule on the run's clock: each configured chain (`chains`, and
 * `ueChains` expanded for every UE) is requested at its `at` and removed at its `until`, as an
 * operator would through the REST API. Times in seconds.
 */
import { chainsFromConfig, type ChainConfig } from "../orchestrator/config.ts";
import type { ManagerEvent } from "../orchestrator/events.ts";
import type { Clock } from "./clock.ts";
import type { DeploymentConfig } from "./config.ts";
import { expandUeChains } from "./ue-chains.ts";

/** Every chain the scenario configures: `chains`, then each `ueChains` template for every UE. */
export function configuredChains(config: Pick<DeploymentConfig, "chains" | "ueChains" | "ues">): ChainConfig[] {
  return [...config.chains, ...expandUeChains(config.ueChains, config.ues.count)];
}

/** Schedules `chain-requested` at each chain's `at` and `chain-removed` at its `until`. */
export function scheduleChains(chains: readonly ChainConfig[], clock: Clock, deliver: (event: ManagerEvent) => void): void {
  for (const scheduled of chainsFromConfig(chains)) {
    clock.at(scheduled.at, () => deliver({ type: "chain-requested", chain: scheduled.spec }));
    if (scheduled.until !== undefined) {
      const id = scheduled.spec.id;
      clock.at(scheduled.until, () => deliver({ type: "chain-removed", chain: id }));
    }
  }
}
