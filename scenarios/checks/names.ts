/**
 * Names in a scenario that point at other names, checked against what they name: vNF types
 * (chains, ueChains, placement.latencyBounds, mitigation.vnf) against the vNF catalog, UE ids
 * against `ue-0` … `ue-<count−1>`, device models against the device catalog, flow destinations
 * against the topology's nodes, header fields against the OpenFlow match fields, chain ids against
 * each other (including the ids `ueChains` and mitigation give their chains), and files against
 * the file system. Each problem names its key path; `did-you-mean.ts` words it.
 */
import { existsSync } from "node:fs";
import type { ConfigProblem } from "../../base/config/load-yaml.ts";
import { VNF_TYPE_NAMES } from "../../deployment/vnfs/types.ts";
import { ueIndexOf } from "../../deployment/ue-identity.ts";
import { SELECTOR_FIELD_NAMES } from "../../orchestrator/selector.ts";
import { resolveCalibrationPath } from "../../sim/models/calibration/config.ts";
import type { Scenario } from "../schema/scenario.ts";
import { listOf, unknownName } from "./did-you-mean.ts";

/** What the names of a scenario may point at, besides the scenario itself. */
export interface NameContext {
  /** Device model keys of the device catalog. */
  deviceKeys: readonly string[];
  /** Node ids of the scenario's topology, built on demand (undefined when it cannot be built). */
  topologyNodeIds: () => readonly string[] | undefined;
  /** The scenario file, against whose folder a relative `calibration` is resolved. */
  scenarioFile: string;
}

type Path = (string | number)[];
type ChainVnf = string | { type: string; params: Record<string, unknown> };

/** Config keys of `topology` that name a device model (as `buildTopology` reads them). */
const TOPOLOGY_DEVICE_KEYS = ["device", "homeDevice", "siteDevice", "edgeDevice", "nfviDevice"] as const;

/** Every dangling name of `scenario`, in file order of the sections. */
export function nameProblems(scenario: Scenario, context: NameContext): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (path: Path, message: string) => problems.push({ path, message });
  const vnfType = (path: Path, name: string) => {
    if (!(VNF_TYPE_NAMES as readonly string[]).includes(name)) add(path, unknownName("vNF type", name, VNF_TYPE_NAMES));
  };
  const device = (path: Path, name: string) => {
    if (!context.deviceKeys.includes(name)) add(path, unknownName("device", name, context.deviceKeys));
  };
  const chainVnfs = (base: Path, vnfs: readonly ChainVnf[]) =>
    vnfs.forEach((v, j) => {
      if (typeof v === "string") return vnfType([...base, "vnfs", j], v);
      vnfType([...base, "vnfs", j, "type"], v.type);
      if (v.type === "troubleshooting") probeTargetProblem(scenario, context, [...base, "vnfs", j, "params"], v.params["target"], add);
    });

  if (scenario.topology) {
    const record = scenario.topology as Record<string, unknown>;
    for (const key of TOPOLOGY_DEVICE_KEYS) if (typeof record[key] === "string") device(["topology", key], record[key]);
  }
  scenario.instantiation?.hosts.forEach((host, i) => device(["instantiation", "hosts", i, "device"], host.device));
  duplicates(scenario.instantiation?.hosts.map((h) => h.name) ?? [], (i, name) => add(["instantiation", "hosts", i, "name"], `duplicate host name "${name}" (each host names its rows in the results)`));

  scenario.traffic.forEach((flow, i) => {
    for (const field of Object.keys(flow.headers)) {
      if (!(SELECTOR_FIELD_NAMES as readonly string[]).includes(field)) add(["traffic", i, "headers", field], unknownName("header field", field, SELECTOR_FIELD_NAMES, `an OpenFlow match field: ${SELECTOR_FIELD_NAMES.join(", ")}`));
    }
  });
  destinationProblems(scenario, context, add);

  const ueCount = scenario.ues.mobility.model === "trace" ? undefined : scenario.ues.count;
  scenario.chains.forEach((chain, i) => {
    if (ueCount !== undefined) ueProblem(["chains", i, "ue"], chain.ue, ueCount, add);
    chainVnfs(["chains", i], chain.vnfs);
  });
  scenario.ueChains.forEach((template, i) => chainVnfs(["ueChains", i], template.vnfs));
  for (const type of Object.keys(scenario.placement.latencyBounds)) vnfType(["placement", "latencyBounds", type], type);
  if (scenario.mitigation) vnfType(["mitigation", "vnf"], scenario.mitigation.vnf);
  chainIdProblems(scenario, ueCount, add);

  if (scenario.topology === undefined) {
    const needs = "needs a `topology` section (chains run on the GNF Manager, which places vNFs on the topology's hosts)";
    if (scenario.chains.length > 0) add(["chains"], needs);
    if (scenario.ueChains.length > 0) add(["ueChains"], needs);
    if (scenario.mitigation) add(["mitigation"], needs);
  }
  fileProblems(scenario, context.scenarioFile, add);
  return problems;
}

function ueProblem(path: Path, ue: string, count: number, add: (path: Path, message: string) => void): void {
  const index = ueIndexOf(ue);
  if (index !== undefined && index < count) return;
  const expected = count === 0 ? "a UE, but ues.count is 0" : count === 1 ? "ue-0 (ues.count is 1)" : `one of ue-0 … ue-${count - 1} (ues.count is ${count})`;
  // "ue-7" of 5 UEs → the last one; "UE-1", "ue_1", "ue1" → ue-1 when it exists.
  const written = /^ue[-_ ]?(\d+)$/i.exec(ue);
  const n = index ?? (written ? Number(written[1]) : undefined);
  const hint = count === 0 || n === undefined ? undefined : `ue-${Math.min(n, count - 1)}`;
  add(path, `unknown UE "${ue}"${hint ? ` (did you mean "${hint}"?)` : ""}; expected ${expected}`);
}

function destinationProblems(scenario: Scenario, context: NameContext, add: (path: Path, message: string) => void): void {
  const local = scenario.traffic.map((flow, i) => ({ flow, i })).filter(({ flow }) => flow.destination !== "internet");
  if (local.length === 0) return;
  if (scenario.topology === undefined) {
    for (const { i } of local) add(["traffic", i, "destination"], `names a topology node, but the scenario has no \`topology\` section (use "internet")`);
    return;
  }
  const ids = context.topologyNodeIds();
  if (ids === undefined) return;
  for (const { flow, i } of local) {
    if (!ids.includes(flow.destination)) add(["traffic", i, "destination"], unknownName("node", flow.destination, [...new Set(["internet", ...ids])], `"internet" or a node of the ${scenario.topology.type} topology (${listOf(ids)})`));
  }
}

/** A troubleshooting vNF's `params.target`: the node its probes measure the RTT to. */
function probeTargetProblem(scenario: Scenario, context: NameContext, paramsPath: Path, target: unknown, add: (path: Path, message: string) => void): void {
  const ids = scenario.topology === undefined ? undefined : context.topologyNodeIds();
  if (ids === undefined) return;
  const expected = `a node of the ${scenario.topology?.type ?? ""} topology to probe (${listOf(ids)})`;
  if (typeof target !== "string") add(target === undefined ? paramsPath : [...paramsPath, "target"], target === undefined ? `missing key target (expected ${expected})` : `expected ${expected}, found ${JSON.stringify(target)}`);
  else if (!ids.includes(target)) add([...paramsPath, "target"], unknownName("node", target, ids, expected));
}

/** Chain ids: unique among `chains`, `ueChains`' expansions (`<id>-ue-<n>`) and mitigation's `block-ue-<n>`. */
function chainIdProblems(scenario: Scenario, ueCount: number | undefined, add: (path: Path, message: string) => void): void {
  scenario.chains.forEach((chain, i) => {
    if (chain.id === undefined) return;
    const m = /^(.+)-ue-(\d+)$/.exec(chain.id);
    if (m) {
      const t = scenario.ueChains.findIndex((template) => template.id === m[1]);
      if (t >= 0 && (ueCount === undefined || Number(m[2]) < ueCount)) {
        add(["chains", i, "id"], `duplicate chain id "${chain.id}": ueChains[${t}] (id "${m[1]}") gives its chain for ue-${m[2]} the same id`);
      }
    }
    if (scenario.mitigation?.enabled && /^block-ue-\d+$/.test(chain.id)) {
      add(["chains", i, "id"], `chain id "${chain.id}" is the id mitigation gives its blocking chain of ${chain.id.slice("block-".length)} (that UE would never be blocked); choose another id`);
    }
  });
}

function fileProblems(scenario: Scenario, scenarioFile: string, add: (path: Path, message: string) => void): void {
  const calibration = scenario.calibration === undefined ? undefined : resolveCalibrationPath(scenario.calibration, scenarioFile);
  if (calibration !== undefined && !existsSync(calibration)) add(["calibration"], `no such calibration profile file "${scenario.calibration}" (a relative path is read from the scenario file's folder)`);
  if (scenario.instantiation?.calibration !== undefined && !existsSync(scenario.instantiation.calibration)) {
    add(["instantiation", "calibration"], `no such calibration profile file "${scenario.instantiation.calibration}"`);
  }
  if (scenario.ues.mobility.model === "trace" && !existsSync(scenario.ues.mobility.file)) add(["ues", "mobility", "file"], `no such trace file "${scenario.ues.mobility.file}"`);
}

/** Calls `onDuplicate(index, name)` for every name seen before. */
function duplicates(names: readonly string[], onDuplicate: (index: number, name: string) => void): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name)) onDuplicate(i, name);
    seen.add(name);
  });
}
