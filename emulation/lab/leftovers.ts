/**
 * What this run of the lab left on the machine: namespaces, network interfaces and OVS bridges
 * whose names carry the run prefix. Empty after a correct teardown (tests assert it).
 */
import { listNamespaces } from "./namespace.ts";
import { RUN_PREFIX } from "./names.ts";
import { listBridges } from "./ovs-bridge.ts";
import { run } from "./run.ts";

export async function leftovers(prefix = RUN_PREFIX): Promise<string[]> {
  const found: string[] = [];
  for (const ns of await listNamespaces()) if (ns.startsWith(prefix)) found.push(`namespace ${ns}`);
  const { stdout } = await run("ip", ["-o", "link", "show"]);
  for (const line of stdout.split("\n")) {
    const name = /^\d+:\s+([^:@\s]+)/.exec(line)?.[1];
    if (name?.startsWith(prefix)) found.push(`interface ${name}`);
  }
  for (const br of await listBridges().catch(() => [])) if (br.startsWith(prefix)) found.push(`OVS bridge ${br}`);
  return found;
}
