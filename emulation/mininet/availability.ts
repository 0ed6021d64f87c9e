/**
 * Whether this machine can run the Mininet lab: everything the OVS lab and the delay relay need,
 * plus Mininet 2.3 importable by /usr/bin/python3 and mnexec (`MininetNet.check`). Tests skip
 * with the reason unless `GNF_REQUIRE_EMULATION=1`.
 */
import { ovsLabStatus, type LabStatus } from "../lab/availability.ts";
import { relayLabStatus } from "../relay/availability.ts";
import { MininetNet } from "./net.ts";

export async function mininetLabStatus(): Promise<LabStatus> {
  for (const status of [await ovsLabStatus(), await relayLabStatus()]) if (!status.ok) return status;
  const mininet = await MininetNet.check();
  return mininet === true ? { ok: true } : { ok: false, reason: mininet };
}
