/**
 * FLOW_MOD installation rate into real Open vSwitch: N distinct flows sent back to back, then a
 * barrier; the rate counts only once the barrier reply confirms the switch processed them all.
 */
import { OvsTestbed, ovsLabStatus } from "../emulation/lab/index.ts";
import { flowAdd } from "./steering/index.ts";

export interface FlowModRate {
  flowModsPerSecond: number;
  flows: number;
  wallSeconds: number;
}

/** True, or the reason the lab is not available. */
export async function ovsAvailable(): Promise<true | string> {
  const status = await ovsLabStatus();
  return status.ok ? true : status.reason;
}

export async function measureFlowModRate(options: { flows: number }): Promise<FlowModRate> {
  const bed = await OvsTestbed.start();
  try {
    const mods = Array.from({ length: options.flows }, (_, i) =>
      flowAdd(0xbe4cn, 10, [{ field: "eth_type", value: 0x0800 }, { field: "ipv4_dst", value: `10.${(i >> 16) & 0xff}.${(i >> 8) & 0xff}.${i & 0xff}` }], 1),
    );
    const started = performance.now();
    await bed.switch.sendBatch(mods);
    const wallSeconds = (performance.now() - started) / 1000;
    return { flowModsPerSecond: options.flows / wallSeconds, flows: options.flows, wallSeconds };
  } finally {
    await bed.stop();
  }
}
