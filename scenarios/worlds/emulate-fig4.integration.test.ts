/**
 * Paper Fig. 4 in both worlds (`scenarios/fig4-roaming.yaml`, cut to 60 s so the lab run covers the
 * migration): the phone's chain [firewall, ids] co-located at Home Router 1; after the handover at
 * 50 s the firewall moves to Home Router 2 and the IDS to the central NFVI, because Home Router 2
 * already carries the neighbour's chain. The simulator and the lab (Mininet + OVS + Docker, every
 * router under the Archer C9's Table I limits scaled to this machine) must make the same split, and
 * the lab's migration must complete with the phone's traffic steered through both new instances.
 * Nothing is left afterwards. Skips with the reason when the lab is missing, unless
 * GNF_REQUIRE_EMULATION=1.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Table } from "../../base/tables.ts";
import { labRequired } from "../../emulation/lab/availability.ts";
import { leftovers } from "../../emulation/lab/leftovers.ts";
import { emulationLabStatus } from "../../emulation/backend/availability.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { loadScenarioFile } from "../load.ts";
import { emulateScenario } from "./emulate.ts";

const status = await emulationLabStatus();
if (!status.ok && !labRequired()) console.warn(`skipping the Fig. 4 lab test: ${status.reason}`);

const records = (tables: readonly Table[], name: string): Record<string, unknown>[] => {
  const t = tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
};

describe.runIf(status.ok || labRequired())("paper Fig. 4 in both worlds", () => {
  it("after the handover the firewall moves to Home Router 2 and the IDS to the central NFVI, in the simulator and in the lab", async () => {
    if (!status.ok) throw new Error(`GNF_REQUIRE_EMULATION=1 but the emulation lab is missing: ${status.reason}`);
    const { scenario } = loadScenarioFile(fileURLToPath(new URL("../fig4-roaming.yaml", import.meta.url)), { overrides: ["duration=60"] });
    const split = (tables: readonly Table[]) => records(tables, "migrations").map((m) => [m["chain"], m["reason"], m["outcome"], m["moves"]]);
    const expected = [["phone", "ue-handover", "completed", "firewall:e-0->e-1 ids:e-0->nfvi"]];

    const sim = await runScenario(scenario, scenario.seed);
    expect(split(sim.tables)).toEqual(expected);

    const lab = await emulateScenario(scenario, scenario.seed, { log: (l) => console.log(`fig4: ${l}`) });
    console.log(`fig4 lab migrations: ${JSON.stringify(records(lab.tables, "migrations"))}`);
    console.log(`fig4 lab steering: ${JSON.stringify(records(lab.tables, "steering_installs"))}`);
    expect(split(lab.tables)).toEqual(expected);
    expect(records(lab.tables, "handovers").map((h) => [h["ue"], h["from"], h["to"]])).toEqual([
      ["ue-0", "e-0", "e-1"],
      ["ue-1", "e-0", "e-1"],
    ]);
    // The phone's chain ends steered through the firewall on Home Router 2 and the IDS on the NFVI.
    const phone = records(lab.tables, "steering_installs").filter((s) => s["chain"] === "phone" && s["version"] !== 0);
    expect(String(phone.at(-1)?.["hops"])).toMatch(/^[^ ]*@e-1 [^ ]*@nfvi$/);
    // Both routers ran their vNFs under the Archer C9's limits; the NFVI's quota exceeds this machine.
    const limits = records(lab.tables, "device_limits");
    const byHost = new Map(limits.map((r) => [String(r["host"]), r]));
    expect([...byHost.keys()].sort()).toEqual(["e-0", "e-1", "nfvi"]);
    for (const h of ["e-0", "e-1"]) expect([byHost.get(h)?.["device"], byHost.get(h)?.["cpu_binding"]]).toEqual(["tp-link-archer-c9", true]);
    expect(byHost.get("nfvi")?.["cpu_binding"]).toBe(false);
    expect(await leftovers()).toEqual([]);
  }, 240_000);
});
