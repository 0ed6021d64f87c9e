/**
 * `gnf calibrate <campaign folders…> [--out profile.yaml]`: fits the simulator's parameters to lab
 * campaigns (`gnf emulation campaign`) and writes a calibration profile that records the sha256 of
 * the measurements and the fit quality (sim/calibration/). Scenarios name it with `calibration:`.
 */
import type { Command } from "commander";
import { writeFileAtomic } from "../../base/results/atomic-write.ts";
import { profileYaml } from "../../sim/calibration/calibrate.ts";
import { calibrateFromLab } from "../../scenarios/worlds/calibrate.ts";

export function registerCalibrate(program: Command): void {
  program
    .command("calibrate")
    .description("fit the simulator's lifecycle, memory, forwarding, FLOW_MOD and handover-gap parameters to lab campaigns; write a calibration profile")
    .argument("<campaigns...>", "campaign results folders (gnf emulation campaign)")
    .option("--out <file>", "profile to write (default: print it)")
    .action(async (folders: string[], options: { out?: string }) => {
      const { profile } = await calibrateFromLab(folders);
      const text = profileYaml(profile, `gnf calibrate ${folders.join(" ")}`);
      if (options.out) {
        writeFileAtomic(options.out, text);
        process.stdout.write(`calibration profile: ${options.out}\n`);
      } else process.stdout.write(text);
    });
}
