/**
 * `gnf serve` as a user runs it: a child process serving the default scenario's Manager on
 * 127.0.0.1; a chain created over HTTP is placed and started by the simulated world; the process
 * is stopped by its PID (SIGTERM) and exits 0. Once the run has ended (`--fast`), changes are
 * refused with 409 and a hostile request leaves every read working (issue 17, item 1).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/gnf.mjs", import.meta.url));

/** The URL `gnf serve` prints on stdout once it listens (rejects if it exits first). */
function servingUrl(child: ChildProcess): Promise<string> {
  let out = "";
  child.stdout?.setEncoding("utf8");
  return new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (s: string) => {
      out += s;
      const m = /serving "default-roaming" at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1] as string);
    });
    child.once("exit", (code) => reject(new Error(`gnf serve exited with ${code}: ${out}`)));
  });
}

describe("gnf serve", () => {
  it("serves the REST API of a paced simulated run and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--speed", "50"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const url = await servingUrl(child);
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

  it("after the run has ended, refuses changes with 409; a 5,000-deep body is a 400 and reads still work", async () => {
    const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--fast"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (s: string) => (stderr += s));
    try {
      const url = await servingUrl(child);
      const json = { "content-type": "application/json" };
      const deep = `{"id":"d","ue":"ue-0","vnfs":[{"type":"monitoring","params":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}]}`;
      const refusedDeep = await fetch(`${url}/chains`, { method: "POST", headers: json, body: deep });
      expect(refusedDeep.status).toBe(400);
      const late = await fetch(`${url}/chains`, { method: "POST", headers: json, body: JSON.stringify({ id: "late", ue: "ue-0", vnfs: ["monitoring"] }) });
      expect(late.status).toBe(409);
      expect(((await late.json()) as { message: string }).message).toContain('the run "default-roaming" has ended');
      for (const path of ["/chains", "/vnfs"]) expect((await fetch(`${url}${path}`)).status).toBe(200);
      expect((await fetch(`${url}/chains/late`)).status).toBe(404);
      expect((await fetch(`${url}/chains/d`)).status).toBe(404);
    } finally {
      if (child.exitCode === null) child.kill("SIGTERM");
    }
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
    expect(stderr).toBe("");
  });
});
