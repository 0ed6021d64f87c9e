/**
 * Structural check of a `Topology` before anything uses it: unique node and link ids, link
 * endpoints that exist and differ, delays finite and ≥ 0 s, capacities > 0 bit/s, positions given
 * as both x and y or neither, and (when `deviceKeys` is given) device models that exist.
 * Problems are the user's (a topology file or scenario): a UserError listing each, prefixed by `where`.
 */
import { UserError } from "../base/errors.ts";
import type { Topology } from "./types.ts";

export function checkTopology(topology: Topology, options: { where?: string; deviceKeys?: readonly string[] } = {}): void {
  const where = options.where ?? `topology ${topology.name}`;
  const problems: string[] = [];
  const nodeIds = new Set<string>();
  const devices = options.deviceKeys ? new Set(options.deviceKeys) : undefined;
  for (const n of topology.nodes) {
    if (nodeIds.has(n.id)) problems.push(`duplicate node id "${n.id}"`);
    nodeIds.add(n.id);
    if ((n.x === undefined) !== (n.y === undefined)) problems.push(`node ${n.id}: expected both x and y or neither`);
    if (devices && n.device !== undefined && !devices.has(n.device)) problems.push(`node ${n.id}: unknown device "${n.device}" (expected one of ${[...devices].join(", ")})`);
  }
  const linkIds = new Set<string>();
  for (const l of topology.links) {
    if (linkIds.has(l.id)) problems.push(`duplicate link id "${l.id}"`);
    linkIds.add(l.id);
    for (const end of [l.a, l.b]) if (!nodeIds.has(end)) problems.push(`link ${l.id}: no node "${end}"`);
    if (l.a === l.b) problems.push(`link ${l.id}: both ends are "${l.a}"`);
    if (!(Number.isFinite(l.delayS) && l.delayS >= 0)) problems.push(`link ${l.id}: expected delayS ≥ 0 s, found ${l.delayS}`);
    if (!(l.bandwidthBps > 0)) problems.push(`link ${l.id}: expected bandwidthBps > 0 bit/s, found ${l.bandwidthBps}`);
  }
  if (problems.length > 0) throw new UserError(problems.map((p) => `${where}: ${p}`).join("\n"));
}
