import Dockerode from "dockerode";
import { describe, expect, it } from "vitest";
import { checkDocker } from "./docker-client.ts";

describe("checkDocker", () => {
  it("says how to start Docker when its socket is missing", async () => {
    const nowhere = new Dockerode({ socketPath: "/nonexistent/docker.sock" });
    expect(await checkDocker(nowhere)).toBe(
      "Docker is not running (no /var/run/docker.sock): apt-get install docker.io, then start `dockerd --bridge=none --iptables=false --ip6tables=false --ip-masq=false` (see EMULATION-NOTES.md)",
    );
  });
});
