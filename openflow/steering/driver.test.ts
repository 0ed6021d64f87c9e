import { afterEach, describe, expect, it } from "vitest";
import { Controller } from "../controller/server.ts";
import { FakeSwitch } from "../controller/fake-switch.ts";
import type { OfMessage } from "../codec/index.ts";
import type { SteeringChain } from "./chain.ts";
import { SteeringDriver } from "./driver.ts";
import { FlowTable } from "./flow-table.ts";
import { walk } from "./test-support.ts";

const vnfs = new Map([
  [11, 12],
  [21, 22],
]);
const chain: SteeringChain = { id: 3, priority: 10, selector: [{ field: "eth_type", value: 0x0800 }], ingressPort: 1, hops: [{ inPort: 11, outPort: 12 }, { inPort: 21, outPort: 22 }], egressPort: 2 };
const ipv4 = { eth_type: 0x0800 };

/** A fake switch whose table is a FlowTable: FLOW_MODs are applied, barriers answered. */
function tableSwitch(dpid: bigint, table: FlowTable): FakeSwitch {
  return new FakeSwitch(dpid, {
    respond: (m): OfMessage[] => {
      if (m.type === "flow_mod") table.apply(m);
      return m.type === "barrier_request" ? [{ type: "barrier_reply", xid: m.xid }] : [];
    },
  });
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

describe("SteeringDriver", () => {
  it("installs, updates and removes chains on a connected switch, and resyncs it after a reconnect", async () => {
    const controller = new Controller({ port: 0, echoIntervalMs: 0 });
    await controller.listen();
    const driver = new SteeringDriver(controller);
    cleanup.push(() => controller.close(), async () => driver.detach());
    const table = new FlowTable();
    const sw = tableSwitch(9n, table);
    await sw.connect(controller.port);
    cleanup.push(async () => sw.close());
    await controller.waitForSwitch(9n);

    await driver.install(9n, chain);
    expect(walk(table, ipv4, 1, vnfs)).toEqual([1, 11, 12, 21, 22, 2]);
    await driver.install(9n, { ...chain, hops: [{ inPort: 21, outPort: 22 }] });
    expect(walk(table, ipv4, 1, vnfs)).toEqual([1, 21, 22, 2]);
    expect(table.entries.length).toBe(2);

    // The switch restarts with an empty table: the driver reinstalls its chains.
    sw.close();
    const fresh = new FlowTable();
    const again = tableSwitch(9n, fresh);
    const resynced = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (fresh.entries.length === 2) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    await again.connect(controller.port);
    cleanup.push(async () => again.close());
    await resynced;
    expect(walk(fresh, ipv4, 1, vnfs)).toEqual([1, 21, 22, 2]);

    await driver.remove(9n, 3);
    expect(fresh.entries).toEqual([]);
    expect(driver.chains.size).toBe(0);
  });

  it("keeps state for a switch that is not connected and installs it when it connects", async () => {
    const controller = new Controller({ port: 0, echoIntervalMs: 0 });
    await controller.listen();
    const driver = new SteeringDriver(controller);
    cleanup.push(() => controller.close(), async () => driver.detach());
    await driver.install(4n, chain);
    const table = new FlowTable();
    const sw = tableSwitch(4n, table);
    await sw.connect(controller.port);
    cleanup.push(async () => sw.close());
    const conn = await controller.waitForSwitch(4n);
    await conn.barrier(); // the resync batch was queued before this barrier
    for (let i = 0; i < 100 && table.entries.length < 3; i++) await new Promise((r) => setTimeout(r, 5));
    expect(walk(table, ipv4, 1, vnfs)).toEqual([1, 11, 12, 21, 22, 2]);
  });
});
