import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenarioFile } from "../load.ts";
import { SimLiveRun } from "../../sim/live/sim-live-run.ts";

const ROAMING = fileURLToPath(new URL("../../scenarios/roaming.yaml", import.meta.url));

describe("SimLiveRun", () => {
  it("advances the GNF world step by step and takes operator events at the current simulated time", async () => {
    const live = await SimLiveRun.create(loadScenarioFile(ROAMING).scenario);
    expect(live.now()).toBe(0);
    live.advanceTo(10);
    expect(live.now()).toBe(10);
    expect(live.manager.chain("phone-web")?.status).toBe("active");
    live.submit({ type: "chain-requested", chain: { id: "dns-watch", ue: "ue-0", vnfs: [{ type: "monitoring", params: {} }], match: { eth_type: 0x0800, ip_proto: 17 }, priority: 200 } });
    // Placed at once on the UE's router; starting until the container is up.
    expect(live.manager.chain("dns-watch")?.status).toBe("starting");
    live.advanceTo(20);
    expect(live.manager.chain("dns-watch")?.status).toBe("active");
    expect(live.manager.instances().filter((i) => i.chain === "dns-watch").map((i) => i.host)).toEqual(["e-0-0"]);
    expect(live.metrics()["vnfs.started"]?.value).toBe(3);
    const devices = live.devices();
    expect(devices.map((d) => d.id)).toEqual(["e-0-0", "e-0-1", "e-0-2", "e-0-3", "nfvi"]);
    expect(devices[0]).toMatchObject({ kind: "edge", model: "tp-link-archer-c9", clients: 1 });
    live.advanceTo(1e9);
    expect(live.finished).toBe(true);
    expect(live.now()).toBe(180);
  });

  it("refuses a scenario without a GNF Manager", async () => {
    const { scenario } = loadScenarioFile(fileURLToPath(new URL("../../scenarios/instantiation.yaml", import.meta.url)));
    await expect(SimLiveRun.create(scenario)).rejects.toThrow(/has no GNF Manager to serve/);
  });
});
