/**
 * vNF state carried for real between two containers (migration, transfer-state): every lab image
 * is built FROM gnf/net and keeps its state in the kernel tables of its own network namespace, so
 * the state is the container's iptables rule set with its packet/byte counters
 * (`iptables-save -c`), exported with `docker exec` and imported into the target with
 * `iptables-restore -c`. The bytes carried are the export's size. Images whose state lives
 * elsewhere (rate-limiter: tc qdiscs, re-created from parameters; monitor: interface counters,
 * which restart at 0) carry only their (small) rule set; nothing is invented.
 * A source already stopped (break-before-make) is exported when it is stopped (`checkpoint`).
 */
import type { ContainerVnf } from "../vnf/container-vnf.ts";

const SAVE = "/usr/sbin/iptables-save";
const RESTORE = "/usr/sbin/iptables-restore";

/** The vNF's state: its iptables rules and counters. */
export async function exportState(vnf: ContainerVnf): Promise<string> {
  const r = await vnf.exec([SAVE, "-c"]);
  if (r.exitCode !== 0) throw new Error(`iptables-save in ${vnf.name} failed (exit ${r.exitCode}): ${r.output.trim()}`);
  return r.output.split("\n").filter((l) => !l.startsWith("#")).join("\n");
}

/** Replaces the vNF's rules and counters with `state`; resolves with the bytes imported. */
export async function importState(vnf: ContainerVnf, state: string): Promise<number> {
  const r = await vnf.exec(["/bin/sh", "-c", `printf '%s\\n' "$1" | ${RESTORE} -c`, "import-state", state]);
  if (r.exitCode !== 0) throw new Error(`iptables-restore in ${vnf.name} failed (exit ${r.exitCode}): ${r.output.trim()}`);
  return Buffer.byteLength(state);
}
