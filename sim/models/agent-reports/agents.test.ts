import { describe, expect, it } from "vitest";
import { Environment } from "../../engine/environment.ts";
import { RadioAccess } from "../radio/association.ts";
import { radioSchema } from "../radio/config.ts";
import { Agents, agentsSchema, type ClientEvent, type DeviceReport } from "./index.ts";

function homeWorld(positions: [number, number][], step: number, until: number) {
  const env = new Environment();
  const radio = new RadioAccess(
    [
      { id: "home-1", x: 0, y: 0, rangeM: 30 },
      { id: "home-2", x: 50, y: 0, rangeM: 30 },
    ],
    { ...radioSchema.parse({}), timeToTriggerS: 0 },
    undefined,
    2,
  );
  const agents = new Agents(env, radio, 10, (ue) => (ue === 0 ? 100 : 10), undefined, (device, now) => ({ cpuUtilisation: device === "home-1" ? 0.25 : 0.5, memoryUsedBytes: 1000 * now, memoryBytes: 128 * 2 ** 20 }));
  const events: ClientEvent[] = [];
  const reports: DeviceReport[] = [];
  agents.clientEvents.subscribe((e) => events.push(e));
  agents.deviceReports.subscribe((r) => reports.push(r));
  agents.start();
  env.process(function* () {
    for (const [a, b] of positions) {
      radio.update(env.now, Float64Array.of(a, b), Float64Array.of(0, 0));
      yield env.timeout(step);
    }
  });
  env.run({ until });
  return { events, reports, agents };
}

const show = (e: ClientEvent): string =>
  e.type === "ue-handover" ? `${e.type} ${e.ue} ${e.from}->${e.to} @${e.time} after ${e.packets} packets` : e.type === "ue-disconnected" ? `${e.type} ${e.ue} ${e.device} @${e.time} after ${e.packets} packets` : `${e.type} ${e.ue} ${e.device} @${e.time}`;

describe("Agents", () => {
  it("deliver HostAPD-like client events through the DES and periodic device reports", () => {
    const { events, reports, agents } = homeWorld(
      [
        [5, 45],
        [40, 45],
      ],
      7,
      11,
    );
    expect(events.map(show)).toEqual(["ue-connected ue-0 home-1 @0", "ue-connected ue-1 home-2 @0", "ue-handover ue-0 home-1->home-2 @7 after 700 packets"]);
    expect(events[0]).toEqual({ type: "ue-connected", time: 0, ue: "ue-0", device: "home-1", rssiDbm: 20 - 40 - 30 * Math.log10(5) });
    // At t = 10 both UEs are at home-2 (10 m and 5 m away): mean of −50 and −40.97 dBm.
    expect(reports.map((r) => [r.time, r.device, r.clients, r.cpuUtilisation, r.memoryUsedBytes, r.memoryBytes])).toEqual([
      [10, "home-1", 0, 0.25, 10000, 134217728],
      [10, "home-2", 2, 0.5, 10000, 134217728],
    ]);
    expect(reports[0]?.meanRssiDbm).toBeNaN();
    expect(reports[1]?.meanRssiDbm).toBeCloseTo((-20 - 30 * Math.log10(10) - 20 - 30 * Math.log10(5)) / 2, 10);
    expect(agents.delivered).toBe(3);
  });

  it("count packets per station until the UE leaves the cell", () => {
    const { events, reports } = homeWorld(
      [
        [5, 45],
        [5, 45],
        [5, 200],
        [20, 45],
      ],
      4,
      25,
    );
    expect(events.map(show)).toEqual(["ue-connected ue-0 home-1 @0", "ue-connected ue-1 home-2 @0", "ue-disconnected ue-1 home-2 @8 after 80 packets", "ue-connected ue-1 home-2 @12"]);
    expect(reports.map((r) => `${r.time} ${r.device} ${r.clients}`)).toEqual(["10 home-1 1", "10 home-2 0", "20 home-1 1", "20 home-2 1"]);
  });

  it("reject a non-positive report interval; the config defaults to 10 s", () => {
    const radio = new RadioAccess([], radioSchema.parse({}), undefined, 0);
    expect(() => new Agents(new Environment(), radio, 0)).toThrow("agent report interval must be > 0 s, got 0");
    expect(agentsSchema.parse({})).toEqual({ reportIntervalS: 10 });
    expect(agentsSchema.safeParse({ reportIntervalS: -1 }).success).toBe(false);
    expect(agentsSchema.safeParse({ reportEvery: 5 }).success).toBe(false);
  });
});
