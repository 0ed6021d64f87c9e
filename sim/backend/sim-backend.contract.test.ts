/**
 * `SimBackend` under the Backend contract suite (orchestrator/backend-contract.ts), on the DES:
 * the small line topology of the traffic tests (home routers h1, h2, the central NFVI i7 with the
 * controller), a `VnfHost` per device node from the device catalog and the calibration profile,
 * and the default control-plane costs. The harness steps the DES one event at a time.
 */
import { expect, it } from "vitest";
import { describeBackendContract } from "../../orchestrator/backend-contract.ts";
import { RngStreams } from "../../base/rng.ts";
import { VNF_CATALOG } from "../../deployment/vnfs/catalog.ts";
import { loadDeviceCapacities } from "../../topologies/devices/index.ts";
import { hostCapacities } from "../../topologies/hosts.ts";
import { PathFinder } from "../../topologies/paths.ts";
import { Environment } from "../engine/environment.ts";
import { loadCalibration } from "../models/calibration/profile.ts";
import { LINE_TOPOLOGY } from "../models/traffic/test-topology.ts";
import { VnfHost } from "../models/vnf/host.ts";
import { ControlPlane, controllerNodeOf, controlPlaneSchema } from "./control-plane.ts";
import { SimBackend } from "./sim-backend.ts";

it("the harness's hosts are vNF hosts of the line topology", () => {
  expect([...hostCapacities(LINE_TOPOLOGY, loadDeviceCapacities()).keys()]).toEqual(expect.arrayContaining(["h1", "nfvi"]));
});

describeBackendContract("SimBackend", () => {
  const env = new Environment();
  const paths = new PathFinder(LINE_TOPOLOGY);
  const calibration = loadCalibration();
  const rng = new RngStreams(7);
  const hosts = new Map([...hostCapacities(LINE_TOPOLOGY, loadDeviceCapacities())].map(([id, capacity]) => [id, new VnfHost(env, capacity, calibration, rng.stream(`vnf/${id}`))]));
  const config = controlPlaneSchema.parse({});
  const backend = new SimBackend({ env, hosts, catalog: VNF_CATALOG, control: new ControlPlane(paths, config, controllerNodeOf(paths, config)) });
  return {
    backend,
    hosts: ["h1", "nfvi"],
    vnfType: "firewall",
    steering: (chain, version, hops) => ({ type: "install-steering", chain, version, ue: "ue-0", accessNode: "h1", hops, selector: { eth_type: 0x0800 }, priority: 100 }),
    advance: async (done) => {
      while (!done() && env.peek() < Infinity) env.step();
    },
    settle: async () => {
      env.run();
    },
    lateToleranceS: 0,
    knowsHosts: true,
    installedVersion: (chain) => backend.installed.get(chain)?.version,
    deliverUnsolicited: (event) => backend.deliver(event),
    cleanup: async () => undefined,
  };
});
