/**
 * `FakeBackend` under the Backend contract suite (backend-contract.ts). Its time advances only
 * when the harness steps it; it models no hosts or vNF types (`knowsHosts: false`).
 */
import { expect, it } from "vitest";
import { describeBackendContract } from "./backend-contract.ts";
import { FakeBackend } from "./fake-backend.ts";

describeBackendContract("FakeBackend", () => {
  const backend = new FakeBackend();
  return {
    backend,
    hosts: ["edge-1", "nfvi"],
    vnfType: "firewall",
    steering: (chain, version, hops) => ({ type: "install-steering", chain, version, ue: "ue-0", accessNode: "edge-1", hops, selector: { eth_type: 0x0800 }, priority: 100 }),
    advance: async (done) => {
      while (!done() && backend.step());
    },
    settle: async () => backend.run(),
    lateToleranceS: 0,
    knowsHosts: false,
    deliverUnsolicited: (event) => backend.inject(backend.now(), event),
    cleanup: async () => undefined,
  };
});

it("the harness's claim holds: FakeBackend knows no hosts, so it starts a vNF on any host", () => {
  const backend = new FakeBackend();
  const events: string[] = [];
  backend.onEvent((e) => events.push(e.type));
  backend.execute({ type: "start-vnf", vnfId: "v", vnfType: "anything", host: "no-such-host", params: {}, ue: "ue-0", chain: "c" });
  backend.run();
  expect(events).toEqual(["vnf-started"]);
});
