/**
 * The Docker Engine client of the lab (the local socket, /var/run/docker.sock) and the check
 * that it can run container vNFs.
 */
import { access, constants } from "node:fs/promises";
import Dockerode from "dockerode";
import { hasCommand } from "../lab/run.ts";

let shared: Dockerode | undefined;

/** One client per process. */
export function dockerClient(): Dockerode {
  shared ??= new Dockerode();
  return shared;
}

/** True, or a sentence saying what is missing for container vNFs and how to fix it. */
export async function checkDocker(docker: Dockerode = dockerClient()): Promise<true | string> {
  try {
    await docker.ping();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return "Docker is not running (no /var/run/docker.sock): apt-get install docker.io, then start `dockerd --bridge=none --iptables=false --ip6tables=false --ip-masq=false` (see EMULATION-NOTES.md)";
    return `the Docker Engine does not answer on /var/run/docker.sock (${(err as Error).message}): start dockerd as in EMULATION-NOTES.md`;
  }
  for (const [tool, pkg] of [["nsenter", "util-linux"], ["ip", "iproute2"], ["ethtool", "ethtool"]] as const) {
    if (!(await hasCommand(tool))) return `\`${tool}\` is missing (attaching vNF interfaces needs it): apt-get install ${pkg}`;
  }
  try {
    await access("/sys/fs/cgroup/memory/memory.usage_in_bytes", constants.R_OK);
  } catch {
    return "cgroup v1 memory accounting is not mounted at /sys/fs/cgroup/memory: vNF memory cannot be measured (the lab expects cgroup v1)";
  }
  return true;
}
