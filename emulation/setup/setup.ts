/**
 * `gnf emulation setup`: installs and starts the lab (`install-lab.sh`: Debian packages, Docker
 * daemon config, Open vSwitch, dockerd), builds the delay relay and the vNF images. Idempotent: a
 * second run changes nothing and takes seconds.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { buildImages, type BuiltImage } from "../images/build.ts";
import { buildRelay } from "../relay/build.ts";

export const INSTALL_SCRIPT = fileURLToPath(new URL("./install-lab.sh", import.meta.url));

/** Runs install-lab.sh with its output on ours; rejects with its exit code. */
export function installLab(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [INSTALL_SCRIPT], { stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${INSTALL_SCRIPT} exited with code ${code}`))));
  });
}

export async function setupLab(say: (line: string) => void): Promise<{ relay: string; images: BuiltImage[] }> {
  await installLab();
  const relay = await buildRelay();
  say(`delay relay: ${relay}`);
  const images = await buildImages({ onProgress: say });
  return { relay, images };
}
