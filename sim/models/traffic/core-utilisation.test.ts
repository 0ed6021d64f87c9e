import { describe, expect, it } from "vitest";
import { Environment } from "../../engine/environment.ts";
import { RngStreams } from "../../../base/rng.ts";
import { PathFinder } from "../../../topologies/paths.ts";
import { flowSchema } from "../../../deployment/traffic/flow-config.ts";
import { chainRoute, CoreUtilisation, type CoreLoadRecord } from "./core-utilisation.ts";
import { meanBitRate, rateChanges } from "./flows.ts";
import { LINE_TOPOLOGY } from "./test-topology.ts";

const paths = new PathFinder(LINE_TOPOLOGY);
/** 100 compromised IoT devices behind home router h1, 0.8 Mbit/s each: 80 Mbit/s of attack. */
const ATTACK_BPS = 100 * 0.8e6;
/** The home's legitimate traffic, 10 Mbit/s to the internet. */
const LEGIT_BPS = 10e6;

describe("core-network utilisation (the paper's DDoS use case)", () => {
  it("charges only core links, once per crossing", () => {
    const core = new CoreUtilisation(LINE_TOPOLOGY, paths);
    expect(core.coreLinksOn("h1", "internet")).toEqual(["c", "e"]);
    expect(core.coreLinksOn("h1", "h2")).toEqual([]);
    // Detour through the central NFVI: metro–core, core–nfvi, back core–nfvi, core–internet.
    core.addRoute(0, chainRoute("h1", ["nfvi"], "internet"), 1e6);
    expect(Object.fromEntries(core.rates())).toEqual({ c: 1e6, d: 2e6, e: 1e6 });
    expect(core.totalBytes(8)).toBe(4e6);
  });

  it("an attack dropped at the customer edge never reaches the core; dropped centrally it does", () => {
    const run = (attackRoute: string[]) => {
      const core = new CoreUtilisation(LINE_TOPOLOGY, paths);
      core.addRoute(0, attackRoute, ATTACK_BPS);
      core.addRoute(0, chainRoute("h1", ["h1"], "internet"), LEGIT_BPS);
      return { bytes: core.totalBytes(10), meanBps: core.meanBps(10), links: Object.fromEntries(core.linkBytes(10)) };
    };
    const unmitigated = run(["h1", "internet"]);
    const edgeDrop = run(chainRoute("h1", ["h1"], "internet", 0));
    const centralDrop = run(chainRoute("h1", ["nfvi"], "internet", 0));
    expect(chainRoute("h1", ["h1"], "internet", 0)).toEqual(["h1", "h1"]);
    expect(unmitigated).toEqual({ bytes: 2 * 90e6 * 10 / 8, meanBps: 180e6, links: { c: 112.5e6, d: 0, e: 112.5e6 } });
    expect(edgeDrop).toEqual({ bytes: 2 * 10e6 * 10 / 8, meanBps: 20e6, links: { c: 12.5e6, d: 0, e: 12.5e6 } });
    // Dropped at the NFVI the attack still crosses metro–core and core–nfvi: 2 × 80 + 2 × 10 Mbit/s.
    expect(centralDrop).toEqual({ bytes: 180e6 * 10 / 8, meanBps: 180e6, links: { c: 112.5e6, d: 100e6, e: 12.5e6 } });
    expect(() => chainRoute("h1", ["h1"], "internet", 1)).toThrow("dropAt must index one of the 1 chain hosts, got 1");
  });

  it("follows rates over time (trace records, link utilisation) and refuses negative rates", () => {
    const core = new CoreUtilisation(LINE_TOPOLOGY, paths);
    const records: CoreLoadRecord[] = [];
    core.coreLoad.subscribe((r) => records.push(r));
    core.addRate(0, "h1", "internet", 500e6);
    core.addRate(4, "h1", "internet", -500e6);
    core.addRate(6, "h1", "nfvi", 2e9);
    expect(records).toEqual([
      { time: 0, totalBps: 1e9, maxLinkUtilisation: 0.5 },
      { time: 4, totalBps: 0, maxLinkUtilisation: 0 },
      { time: 6, totalBps: 4e9, maxLinkUtilisation: 2 },
    ]);
    expect(Object.fromEntries(core.linkUtilisation())).toEqual({ c: 2, d: 0.2, e: 0 });
    expect(core.totalBytes(10)).toBe((1e9 * 4 + 4e9 * 4) / 8);
    expect(() => core.addRate(10, "h1", "internet", -1)).toThrow("core link e: rate would become negative (-1 bit/s)");
    expect(Object.fromEntries(core.rates())).toEqual({ c: 2e9, d: 2e9, e: 0 });
  });

  it("an on/off attack at flow level: core bytes = on time × rate × core links", () => {
    const env = new Environment();
    const core = new CoreUtilisation(LINE_TOPOLOGY, paths);
    const attack = flowSchema.parse({ kind: "on-off", onRateBps: ATTACK_BPS, meanOnS: 10, meanOffS: 30 });
    let current = 0;
    let onS = 0;
    let since = 0;
    rateChanges(env, attack, new RngStreams(11).stream("traffic/attack"), 3600, (t, bps) => {
      core.addRate(t, "h1", "internet", bps - current);
      if (bps > 0) since = t;
      else onS += t - since;
      current = bps;
    });
    env.run();
    if (current > 0) onS += env.now - since;
    expect(core.totalBytes(3600)).toBeCloseTo((2 * ATTACK_BPS * onS) / 8, 3);
    expect(onS).toBeCloseTo(1060.1240392208656, 9);
    expect(core.meanBps(3600)).toBeCloseTo(47116623.965371825, 3);
    expect(Math.abs(core.meanBps(3600) / (2 * meanBitRate(attack)) - 1)).toBeLessThan(0.3);
  });
});
