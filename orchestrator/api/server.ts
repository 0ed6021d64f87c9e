/**
 * The REST API of `gnf serve` (paper §IV: the GNF Manager's API to start, stop and migrate vNFs
 * and to read notifications) on fastify, with its OpenAPI 3 document at `GET /openapi.json`.
 *
 * The server only reads the `LiveRun` and hands operator events to `live.submit`; every
 * state-changing request is checked first and answered 4xx without submitting anything when it is
 * refused. Errors are JSON (`errors.ts`) and never carry a stack trace. Listens on 127.0.0.1 unless
 * told otherwise: the API has no authentication.
 *
 * @example
 *   const api = createApiServer(live, { port: 8080 });
 *   const url = await api.listen(); // "http://127.0.0.1:8080"
 */
import swagger from "@fastify/swagger";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import type { LatencyIlpOptions } from "../../placement/index.ts";
import type { LiveRun } from "../live-run.ts";
import type { ApiContext } from "./context.ts";
import { ApiError, reasonPhrase } from "./errors.ts";
import { PlacementControl } from "./placement-control.ts";
import { registerChainRoutes } from "./routes/chains.ts";
import { registerNetworkRoutes } from "./routes/network.ts";
import { registerNotificationRoutes } from "./routes/notifications.ts";
import { registerPlacementRoutes } from "./routes/placement.ts";
import { registerRunRoutes } from "./routes/run.ts";
import { registerVnfRoutes } from "./routes/vnfs.ts";

export const DEFAULT_API_HOST = "127.0.0.1";

export interface ApiServerOptions {
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** TCP port (default 0: any free port). */
  port?: number;
  /** fastify's request log (default off). */
  logger?: boolean;
  /** Seed of the random placer after `PUT /placement` without a seed (the scenario seed). */
  placementSeed?: number | string;
  /** latency-ilp settings after `PUT /placement` without `ilp` (the scenario's `placement.ilp`). */
  placementIlp?: LatencyIlpOptions;
  /** `info.version` of the OpenAPI document. */
  version?: string;
}

export interface ApiServer {
  /** The fastify instance (use `app.inject` to call routes without a socket). */
  readonly app: FastifyInstance;
  /** Starts listening; resolves to the base URL, e.g. "http://127.0.0.1:8080". */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Every route of the API, as `METHOD /path/{param}` (the OpenAPI document lists exactly these). */
export const API_ROUTES = [
  "GET /devices",
  "GET /ues",
  "GET /ues/{id}",
  "GET /chains",
  "POST /chains",
  "GET /chains/{id}",
  "DELETE /chains/{id}",
  "GET /vnfs",
  "GET /vnfs/{id}",
  "POST /vnfs/{id}/stop",
  "POST /vnfs/{id}/start",
  "POST /vnfs/{id}/migrate",
  "POST /vnfs/{id}/mute",
  "POST /vnfs/{id}/unmute",
  "GET /notifications",
  "GET /notifications/{id}",
  "POST /notifications/{id}/ack",
  "DELETE /notifications/{id}",
  "GET /placement",
  "PUT /placement",
  "GET /metrics",
  "GET /migrations",
  "GET /migrations/{id}",
  "GET /operator-refusals",
  "GET /status",
] as const;

export function createApiServer(live: LiveRun, options: ApiServerOptions = {}): ApiServer {
  const app = Fastify({ logger: options.logger ?? false });
  // Validation is zod's (route.ts); schemas on routes only document. Answers are plain JSON.
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) return reply.code(error.status).send(error.toBody());
    const status = typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, "internal error");
    const message = status === 500 ? "internal error" : error.message;
    return reply.code(status).send({ statusCode: status, error: reasonPhrase(status), message });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ statusCode: 404, error: "Not Found", message: `no route ${request.method} ${request.url.split("?")[0]}` }));

  void app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: { title: "GNF Lab Manager API", description: `The GNF Manager of the run "${live.name}": edge devices, UEs, vNF chains, vNFs, notifications, placement.`, version: options.version ?? "0.1.0" },
      tags: ["network", "chains", "vnfs", "notifications", "placement", "run"].map((name) => ({ name })),
    },
  });
  const context: ApiContext = { live, placement: new PlacementControl(live.manager, options.placementSeed, options.placementIlp) };
  void app.register(async (api) => {
    registerNetworkRoutes(api, context);
    registerChainRoutes(api, context);
    registerVnfRoutes(api, context);
    registerNotificationRoutes(api, context);
    registerPlacementRoutes(api, context);
    registerRunRoutes(api, context);
    api.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  });

  return {
    app,
    async listen() {
      return app.listen({ host: options.host ?? DEFAULT_API_HOST, port: options.port ?? 0 });
    },
    async close() {
      await app.close();
    },
  };
}
