/**
 * `gnf serve [scenario.yaml]`: runs a scenario's GNF Manager in the simulator behind the REST API
 * (orchestrator/api) on 127.0.0.1. Simulated time is paced to wall time times `--speed` (1 =
 * real time), or run to the end at once with `--fast`; the API keeps serving after the scenario's
 * duration until Ctrl-C, read-only then (changes are answered 409: the run has ended). The OpenAPI
 * document is at `/openapi.json`.
 */
import type { Command } from "commander";
import { createApiServer } from "../../orchestrator/api/index.ts";
import { SimLiveRun } from "../../sim/live/sim-live-run.ts";
import { UserError } from "../../base/errors.ts";
import { parseSeed } from "../parse.ts";
import { loadScenarioArg } from "../scenario-arg.ts";
import { packageVersion } from "../../base/version.ts";
import { collect } from "./check.ts";

interface ServeOptions {
  host: string;
  port: string;
  speed: string;
  fast?: boolean;
  seed?: string;
  set: string[];
}

/** Wall milliseconds between two advances of the simulated clock. */
const TICK_MS = 50;

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("run a scenario's GNF Manager (simulated) behind the REST API on 127.0.0.1")
    .argument("[scenario]", "scenario file (.yaml); default: scenarios/default.yaml")
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--port <n>", "TCP port (0 = any free port)", "8080")
    .option("--speed <x>", "simulated seconds per wall second", "1")
    .option("--fast", "simulate to the end at once, then serve the final state")
    .option("--seed <n>", "master seed (overrides the scenario's seed)")
    .option("--set <key.path=value...>", "override a scenario key (repeatable)", collect, [])
    .action(async (file: string | undefined, options: ServeOptions) => {
      const port = Number(options.port);
      if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new UserError(`--port: expected an integer from 0 to 65535, found "${options.port}"`);
      const speed = Number(options.speed);
      if (!(speed > 0 && Number.isFinite(speed))) throw new UserError(`--speed: expected a positive number, found "${options.speed}"`);
      const loaded = loadScenarioArg(file, options.set);
      const scenario = options.seed === undefined ? loaded.scenario : { ...loaded.scenario, seed: parseSeed(options.seed) };
      const live = await SimLiveRun.create(scenario);
      // Once the simulation reached its duration, requests that change the run are refused (409):
      // their events would never be handled. 5xx answers are logged to stderr with their cause.
      const server = createApiServer(live, { host: options.host, port, placementSeed: scenario.seed, placementIlp: scenario.placement.ilp, version: packageVersion(), runEnded: () => live.finished });
      let url: string;
      try {
        url = await server.listen();
      } catch (err) {
        throw new UserError(`cannot listen on ${options.host}:${port}: ${(err as Error).message}`);
      }
      if (!isLoopback(options.host)) process.stderr.write(`gnf: warning: serving on ${options.host}, not loopback: anyone who can reach it can change the run\n`);
      process.stdout.write(`serving "${scenario.name}" at ${url} (OpenAPI: ${url}/openapi.json); ${options.fast ? "simulated to the end, read-only (changes answer 409)" : `simulated time ×${speed}`}; Ctrl-C to stop\n`);
      const began = performance.now();
      let timer: NodeJS.Timeout | undefined;
      if (options.fast) live.advanceTo(scenario.duration);
      else {
        timer = setInterval(() => {
          live.advanceTo(((performance.now() - began) / 1000) * speed);
          if (live.finished) {
            clearInterval(timer);
            process.stdout.write(`"${scenario.name}" reached its duration (${scenario.duration} s simulated); still serving, read-only (changes answer 409)\n`);
          }
        }, TICK_MS);
      }
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      if (timer) clearInterval(timer);
      await server.close();
    });
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\./.test(host);
}
