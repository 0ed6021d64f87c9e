/**
 * FLOW_MOD installation rate into real Open vSwitch (userspace datapath): a bridge built with the
 * lab layer connects to our controller; N distinct FLOW_MODs (one IPv4 destination each) are sent
 * back to back, then a barrier. The clock stops at the barrier reply — the switch has processed
 * all of them — and the bridge is torn down. `gnf bench openflow` reports it.
 */
import { OvsTestbed, ovsLabStatus } from "../lab/index.ts";
import { flowAdd } from "../../openflow/steering/index.ts";

export interface FlowModRate {
  /** FLOW_MODs per second of wall time, barrier included. */
  flowModsPerSecond: number;
  flows: number;
  /** First FLOW_MOD written → barrier reply received, s. */
  wallSeconds: number;
}

/** True, or the reason the lab is not available. */
export async function ovsAvailable(): Promise<true | string> {
  const status = await ovsLabStatus();
  return status.ok ? true : status.reason;
}

/** Installs `flows` distinct flows (1 … 2^24) into a fresh bridge and times them up to the barrier reply. */
export async function measureFlowModRate(options: { flows: number }): Promise<FlowModRate> {
  const { flows } = options;
  if (!(Number.isInteger(flows) && flows >= 1 && flows <= 1 << 24)) throw new RangeError(`flows must be an integer in [1, 2^24], got ${flows}`);
  const mods = Array.from({ length: flows }, (_, i) =>
    flowAdd(0xbe4cn, 10, [{ field: "eth_type", value: 0x0800 }, { field: "ipv4_dst", value: `10.${(i >> 16) & 0xff}.${(i >> 8) & 0xff}.${i & 0xff}` }], 1),
  );
  const bed = await OvsTestbed.start();
  try {
    const started = performance.now();
    await bed.switch.sendBatch(mods, 120_000);
    const wallSeconds = (performance.now() - started) / 1000;
    return { flowModsPerSecond: flows / wallSeconds, flows, wallSeconds };
  } finally {
    await bed.stop();
  }
}
