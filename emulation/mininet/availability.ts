/**
 * Whether this machine can run the Mininet lab: everything the OVS lab and the delay relay need,
 * plus Mininet 2.3 importable by /usr/bin/python3 and mnexec. Tests skip with the reason unless
 * `GNF_REQUIRE_EMULATION=1`.
 */
import { ovsLabStatus, type LabStatus } from "../lab/availability.ts";
import { hasCommand, run } from "../lab/run.ts";
import { relayLabStatus } from "../relay/availability.ts";
import { MININET_PYTHON } from "./channel.ts";

export async function mininetLabStatus(): Promise<LabStatus> {
  for (const status of [await ovsLabStatus(), await relayLabStatus()]) if (!status.ok) return status;
  try {
    await run(MININET_PYTHON, ["-c", "import mininet.net, mininet.node, mininet.link"], { timeoutMs: 20_000 });
  } catch {
    return { ok: false, reason: `${MININET_PYTHON} cannot import Mininet: apt-get install mininet` };
  }
  if (!(await hasCommand("mnexec"))) return { ok: false, reason: "mnexec is missing: apt-get install mininet" };
  return { ok: true };
}
