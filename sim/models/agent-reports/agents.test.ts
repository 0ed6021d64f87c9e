import { describe, expect, it } from "vitest";
import { Environment } from "../../engine/environment.ts";
import { RadioAccess } from "../radio/association.ts";
import { radioSchema } from "../radio/config.ts";
import { Agents, type ClientEvent, type DeviceReport } from "./agents.ts";

describe("Agents", () => {
  it("deliver HostAPD-like client events through the DES and periodic device reports", () => {
    const env = new Environment();
    const radio = new RadioAccess([{ id: "home-1", x: 0, y: 0, rangeM: 30 }, { id: "home-2", x: 50, y: 0, rangeM: 30 }], { ...radioSchema.parse({}), timeToTriggerS: 0 }, undefined, 2);
    const agents = new Agents(env, radio, 10, () => 100);
    const events: ClientEvent[] = [];
    const reports: DeviceReport[] = [];
    agents.clientEvents.subscribe((e) => events.push(e));
    agents.deviceReports.subscribe((r) => reports.push(r));
    agents.start();
    const positions = [
      [5, 45],
      [40, 45],
    ];
    env.process(function* () {
      for (const [a, b] of positions) {
        radio.update(env.now, Float64Array.of(a as number, b as number), Float64Array.of(0, 0));
        yield env.timeout(7);
      }
    });
    env.run({ until: 11 });
    expect(events.map((e) => (e.type === "ue-handover" ? `${e.type} ${e.ue} ${e.from}->${e.to} @${e.time} after ${e.packets} packets` : `${e.type} ${e.ue} ${e.device} @${e.time}`))).toEqual([
      "ue-connected ue-0 home-1 @0",
      "ue-connected ue-1 home-2 @0",
      "ue-handover ue-0 home-1->home-2 @7 after 700 packets",
    ]);
    expect(reports.map((r) => [r.time, r.device, r.clients])).toEqual([
      [10, "home-1", 0],
      [10, "home-2", 2],
    ]);
    expect(agents.delivered).toBe(3);
  });
});
