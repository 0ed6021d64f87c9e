/**
 * What this run of the lab left on the machine: namespaces, network interfaces, OVS bridges and
 * Docker containers whose names carry the run prefix (containers also by their `gnf.lab.run`
 * label), and cgroup v1 parents (device cgroups, `emulation/vnf/device-cgroup.ts`). Empty after a
 * correct teardown (tests assert it).
 */
import { readdir } from "node:fs/promises";
import { listNamespaces } from "./namespace.ts";
import { RUN_PREFIX } from "./names.ts";
import { listBridges } from "./ovs-bridge.ts";
import { hasCommand, run } from "./run.ts";

export async function leftovers(prefix = RUN_PREFIX): Promise<string[]> {
  const found: string[] = [];
  for (const ns of await listNamespaces()) if (ns.startsWith(prefix)) found.push(`namespace ${ns}`);
  const { stdout } = await run("ip", ["-o", "link", "show"]);
  for (const line of stdout.split("\n")) {
    const name = /^\d+:\s+([^:@\s]+)/.exec(line)?.[1];
    if (name?.startsWith(prefix)) found.push(`interface ${name}`);
  }
  for (const br of await listBridges().catch(() => [])) if (br.startsWith(prefix)) found.push(`OVS bridge ${br}`);
  for (const c of await listContainers(prefix)) found.push(`container ${c}`);
  for (const c of await listCgroups(prefix)) found.push(`cgroup ${c}`);
  return found;
}

/** Cgroup directories named with `prefix` in the memory and cpu hierarchies of cgroup v1. */
async function listCgroups(prefix: string, root = "/sys/fs/cgroup"): Promise<string[]> {
  const found = new Set<string>();
  for (const controller of ["memory", "cpu"]) {
    for (const n of await readdir(`${root}/${controller}`).catch(() => [] as string[])) if (n.startsWith(prefix)) found.add(n);
  }
  return [...found];
}

/** Containers (running or not) named with `prefix` or labelled gnf.lab.run=`prefix`; none when Docker is absent. */
async function listContainers(prefix: string): Promise<string[]> {
  if (!(await hasCommand("docker"))) return [];
  const listing = await run("docker", ["ps", "-a", "--no-trunc", "--format", '{{.Names}}\t{{.Label "gnf.lab.run"}}'], { timeoutMs: 10_000 }).catch(() => ({ stdout: "" }));
  return listing.stdout
    .split("\n")
    .map((l) => l.split("\t"))
    .filter(([name, label]) => name !== undefined && name !== "" && (name.startsWith(prefix) || label === prefix))
    .map(([name]) => name as string);
}
