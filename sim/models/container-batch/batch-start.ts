/**
 * Batch instantiation of container vNFs: each host (a device of the catalog) runs the container
 * lifecycle model (`VnfHost`: image pull once, create, start, memory as a hard limit) for its batch,
 * `parallel` operations at a time. Randomness: one stream per host (`container-batch/<host>`), so
 * adding a host does not change another host's draws.
 */
import { UserError } from "../../../base/errors.ts";
import type { Environment } from "../../engine/environment.ts";
import type { RngStreams } from "../../../base/rng.ts";
import { loadCalibration, type Calibration } from "../calibration/profile.ts";
import type { DeviceCapacity } from "../../../topologies/devices/index.ts";
import { VNF_CATALOG, type VnfType } from "../../../deployment/vnfs/catalog.ts";
import { VnfHost } from "../vnf/host.ts";
import type { BatchHostConfig, InstantiationConfig } from "./config.ts";

export class ContainerBatchModel {
  /** One lifecycle model per configured host, in configuration order. */
  readonly hosts: VnfHost[];

  constructor(
    private readonly env: Environment,
    private readonly config: InstantiationConfig,
    rng: RngStreams,
    /** Every device model's capacity (the device catalog, loaded once per run). */
    capacities: ReadonlyMap<string, DeviceCapacity>,
    /** The vNF type catalog (with the scenario's overrides). */
    private readonly catalog: Readonly<Record<string, VnfType>> = VNF_CATALOG,
    /** The lifecycle calibration profile (default: `instantiation.calibration`, else the built-in one). */
    calibration: Calibration = loadCalibration(config.calibration),
  ) {
    this.hosts = config.hosts.map((h, i) => {
      const capacity = capacities.get(h.device);
      if (!capacity) {
        throw new UserError(`instantiation.hosts[${i}].device: unknown device "${h.device}" (known: ${[...capacities.keys()].join(", ")})`);
      }
      const hostCapacity = { ...capacity, id: h.name, vnfMemoryBytes: h.memory ?? capacity.vnfMemoryBytes };
      return new VnfHost(env, hostCapacity, calibration, rng.stream(`container-batch/${h.name}`), h.parallel);
    });
  }

  /** Starts one batch process per host. Call before `env.run()`. */
  start(): void {
    this.config.hosts.forEach((h, i) => this.env.process(this.batch(h, this.hosts[i] as VnfHost), `batch ${h.name}`));
  }

  private *batch(config: BatchHostConfig, host: VnfHost) {
    if (config.at > 0) yield this.env.timeout(config.at);
    const type = this.catalog[config.vnfType];
    if (!type) throw new Error(`unknown vNF type ${config.vnfType}`);
    const starts = [];
    for (let i = 0; i < config.vnfs; i++) starts.push(host.start(`${config.name}/vnf-${i + 1}`, type));
    yield this.env.allOf(starts);
  }
}
