/**
 * `gnf serve` as a user runs it: a child process serving the default scenario's Manager on
 * 127.0.0.1; a chain created over HTTP is placed and started by the simulated world; the process
 * is stopped by its PID (SIGTERM) and exits 0.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/gnf.mjs", import.meta.url));

describe("gnf serve", () => {
  it("serves the REST API of a paced simulated run and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--speed", "50"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      let out = "";
      child.stdout.setEncoding("utf8");
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (s: string) => {
          out += s;
          const m = /serving "default-roaming" at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve(m[1] as string);
        });
        child.once("exit", (code) => reject(new Error(`gnf serve exited with ${code}: ${out}`)));
      });
      const status = (await (await fetch(`${url}/status`)).json()) as { name?: string; scenario?: string };
      expect(JSON.stringify(status)).toContain("default-roaming");
      const created = await fetch(`${url}/chains`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ id: "web-watch", ue: "ue-0", vnfs: ["monitoring"], match: { eth_type: 2048, ip_proto: 6 }, priority: 300 }) });
      expect([201, 202]).toContain(created.status);
      // At ×50 the monitoring container starts within a few simulated seconds.
      let state = "";
      for (let i = 0; i < 100 && state !== "active"; i++) {
        await new Promise((r) => setTimeout(r, 50));
        state = ((await (await fetch(`${url}/chains/web-watch`)).json()) as { status: string }).status;
      }
      expect(state).toBe("active");
      const bad = await fetch(`${url}/chains`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ue: "ue-0", vnfs: [] }) });
      expect(bad.status).toBe(400);
      const openapi = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(openapi.paths)).toContain("/chains/{id}");
    } finally {
      if (child.exitCode === null) child.kill("SIGTERM");
    }
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
  });
});
