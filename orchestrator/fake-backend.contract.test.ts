/**
 * `FakeBackend` under the Backend contract suite (backend-contract.ts). Its time advances only
 * when the harness steps it; it models no hosts or vNF types (`knowsHosts: false`).
 */
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
