/**
 * `gnf emulation setup | doctor | images | measure | campaign`: prepare this machine for the emulation lab,
 * say what is missing, build the vNF images (no registry), run one Fig. 2 measurement or a whole campaign.
 */
import type { Command } from "commander";
import { buildImages } from "../../emulation/images/build.ts";
import { formatDoctor, runDoctor } from "../../emulation/setup/doctor.ts";
import { setupLab } from "../../emulation/setup/setup.ts";
import { checkDocker } from "../../emulation/vnf/docker-client.ts";
import { UserError } from "../../base/errors.ts";
import { registerMeasure } from "./emulation-measure.ts";
import { registerCampaign } from "./emulation-campaign.ts";

export function registerEmulation(program: Command): void {
  const emulation = program.command("emulation").description("the emulation lab: Mininet + Open vSwitch + Docker vNFs");
  emulation
    .command("setup")
    .description("install and start the lab (Debian packages, Open vSwitch, dockerd), build the relay and vNF images; idempotent; root")
    .action(async () => {
      if (typeof process.getuid === "function" && process.getuid() !== 0) throw new UserError("gnf emulation setup installs Debian packages and starts daemons: run it as root");
      const { images } = await setupLab((line) => process.stdout.write(`${line}\n`));
      process.stdout.write(`lab ready: ${images.length} images; \`gnf emulation doctor\` checks it\n`);
    });
  emulation
    .command("doctor")
    .description("check everything the lab needs and say how to fix what is missing (exit 2 if anything is)")
    .action(async () => {
      const checks = await runDoctor();
      process.stdout.write(`${formatDoctor(checks)}\n`);
      if (checks.some((c) => c.result !== true)) throw new UserError(`the lab is not ready (${checks.filter((c) => c.result !== true).length} missing)`);
    });
  emulation
    .command("images")
    .description("build the vNF images locally (gnf/base, gnf/net, one per vNF kind); skips those already built")
    .option("--force", "rebuild even when present")
    .action(async (options: { force?: boolean }) => {
      const docker = await checkDocker();
      if (docker !== true) throw new UserError(docker);
      await buildImages({ force: options.force ?? false, onProgress: (line) => process.stdout.write(`${line}\n`) });
    });
  registerMeasure(emulation);
  registerCampaign(emulation);
}
