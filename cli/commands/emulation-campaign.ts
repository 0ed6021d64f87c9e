/**
 * `gnf emulation campaign [--quick] [--out DIR] [--repeat N] [--device KEY …] [--only PART,…]`:
 * the lab measurement campaign (scenarios/worlds/campaign.ts) — lifecycle per vNF over N ×
 * parallelism, idle memory per vNF type, RTT samples through chained vNFs, FLOW_MOD → barrier
 * latency, roaming interruption per migration mode, forwarding cost against packet rate, and
 * Table I devices emulated with CPU quota and memory limit — written as a results folder.
 * Exit 2 when the lab is missing; 1 when a part failed (the folder is written anyway).
 */
import type { Command } from "commander";
import { UserError } from "../../base/errors.ts";
import { openResultsFolder, withResultsFolder } from "../../base/results/results-folder.ts";
import { parsePositiveInt } from "../parse.ts";

interface CampaignFlags {
  quick?: boolean;
  out?: string;
  force?: boolean;
  repeat?: string;
  repeatFor: string[];
  device: string[];
  only?: string;
  lifecycleCounts?: string;
  parallelism?: string;
  lifecycleOrder?: string;
  memoryCounts?: string;
  kinds?: string;
  memoryKinds?: string;
  forwardingKinds?: string;
  rates?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];
const list = (text: string | undefined, flag: string): number[] | undefined => (text === undefined ? undefined : text.split(",").map((x) => parsePositiveInt(x.trim(), flag)));
const words = (text: string | undefined): string[] | undefined => (text === undefined ? undefined : text.split(",").map((x) => x.trim()).filter((x) => x !== ""));

/** Adds `campaign` to the `gnf emulation` command. */
export function registerCampaign(emulation: Command): void {
  emulation
    .command("campaign")
    .description("measurement campaign on the lab: lifecycle, memory, RTT, FLOW_MOD latency, roaming, forwarding cost, Table I devices; writes a results folder")
    .option("--quick", "fewer points: N ∈ {1, 10}, p ∈ {1, 4}, wire and firewall, RTT 0…2, 3 rates, the lab only; repeat 2")
    .option("--out <dir>", "results folder (default results/emulation-campaign/<timestamp>)")
    .option("--force", "replace an existing non-empty results folder whole (default: refuse it)")
    .option("--repeat <n>", "times each point is measured (default 3; quick 2)")
    .option("--repeat-for <part=n>", "repetitions of one part, e.g. memory=1 (repeatable)", collect, [])
    .option("--device <key>", 'emulate a device of the catalog (topologies/devices/devices.yaml), or "lab" for this machine as itself; repeatable (default: lab, plus tp-link-archer-c9 in the full campaign)', collect, [])
    .option("--only <parts>", "only these parts: lifecycle,memory,rtt,flowmod,roaming,forwarding")
    .option("--lifecycle-counts <list>", "lifecycle: numbers of vNFs per batch (replaces the plan's)")
    .option("--parallelism <list>", "lifecycle: vNFs started at once (replaces the plan's)")
    .option("--lifecycle-order <order>", "lifecycle: order of the batches in each repetition, shuffled (default: a seeded permutation per repetition, so the machine's drift is noise on every point, not a bias on the last ones) or ascending")
    .option("--memory-counts <list>", "memory: idle vNF counts (replaces the plan's)")
    .option("--kinds <list>", "memory and forwarding: vNF types (replaces the plan's)")
    .option("--memory-kinds <list>", "memory: vNF types (replaces the plan's)")
    .option("--forwarding-kinds <list>", "forwarding: vNF types (replaces the plan's)")
    .option("--rates <list>", "forwarding: offered packets/s (replaces the plan's)")
    .action(async (flags: CampaignFlags) => {
      const { campaignPlan } = await import("../../emulation/harness/campaign-plan.ts");
      const plan = campaignPlan({
        quick: flags.quick ?? false,
        repeat: flags.repeat === undefined ? undefined : parsePositiveInt(flags.repeat, "--repeat"),
        partRepeat: Object.fromEntries(
          flags.repeatFor.map((x) => {
            const [part, n] = x.split("=");
            if (part === undefined || n === undefined) throw new UserError(`--repeat-for: expected PART=N, got "${x}"`);
            return [part.trim(), parsePositiveInt(n.trim(), "--repeat-for")];
          }),
        ),
        devices: flags.device,
        parts: words(flags.only),
        lifecycleCounts: list(flags.lifecycleCounts, "--lifecycle-counts"),
        lifecycleParallelism: list(flags.parallelism, "--parallelism"),
        lifecycleOrder: flags.lifecycleOrder,
        memoryCounts: list(flags.memoryCounts, "--memory-counts"),
        kinds: words(flags.kinds),
        memoryKinds: words(flags.memoryKinds),
        forwardingKinds: words(flags.forwardingKinds),
        ratesPps: list(flags.rates, "--rates"),
      });
      const { loadDeviceCapacities, capacityOf } = await import("../../topologies/devices/index.ts");
      const capacities = loadDeviceCapacities();
      for (const d of plan.devices) if (d !== "lab") capacityOf(capacities, d, "--device");
      const { harnessLabStatus } = await import("../../emulation/harness/availability.ts");
      const status = await harnessLabStatus();
      if (!status.ok) throw new UserError(`emulation campaign: the lab is missing: ${status.reason}`);
      const out = flags.out ?? `results/emulation-campaign/${new Date().toISOString().replace(/[:.]/g, "-")}`;
      // Opened (and `out` checked) before the lab work; renamed into place whole when complete.
      const folder = openResultsFolder(out, { force: flags.force ?? false });
      const { runCampaignToFolder } = await import("../../scenarios/worlds/campaign.ts");
      const say = (line: string): void => void process.stderr.write(`campaign: ${line}\n`);
      const { result, seconds } = await withResultsFolder(folder, (tempDir) => runCampaignToFolder(plan, tempDir, { say }));
      for (const [k, v] of Object.entries(result.metrics)) process.stdout.write(`${k} = ${Number.isFinite(v.value) ? Number(v.value.toPrecision(4)) : v.value} ${v.unit}\n`);
      for (const [part, why] of Object.entries(result.skipped)) process.stdout.write(`skipped ${part}: ${why}\n`);
      for (const e of result.errors) process.stdout.write(`FAILED ${e.part} (repetition ${e.repetition}, ${e.what}): ${e.message}\n`);
      process.stdout.write(`results: ${out} (${seconds.toFixed(0)} s)\n`);
      if (result.errors.length > 0) throw new Error(`emulation campaign: ${result.errors.length} measurement(s) failed (see above and manifest.json); the results folder holds the rest`);
    });
}
