/**
 * The REST API of `gnf serve` (paper §IV: the GNF Manager's API to start, stop and migrate vNFs
 * and to read notifications) on fastify, with its OpenAPI 3 document at `GET /openapi.json`.
 *
 * The server only reads the `LiveRun` and hands operator events to `live.submit`; every
 * state-changing request is checked completely first (size, depth and length bounds of
 * `API_LIMITS`, then the schemas, then the Manager's refusals) and answered 4xx without submitting
 * anything when it is refused; once the run has ended (`runEnded`) such requests are answered 409.
 * Errors are JSON in our own words (`errors.ts`, `messages.ts`, `framework-errors.ts`) and never
 * carry a stack trace; every 5xx is written with its cause to `errorLog`. Listens on 127.0.0.1
 * unless told otherwise: the API has no authentication.
 *
 * @example
 *   const api = createApiServer(live, { port: 8080 });
 *   const url = await api.listen(); // "http://127.0.0.1:8080"
 */
import swagger from "@fastify/swagger";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { UserError } from "../../base/errors.ts";
import type { LatencyIlpOptions } from "../../placement/index.ts";
import type { LiveRun } from "../live-run.ts";
import type { ApiContext } from "./context.ts";
import { API_ROUTES, allowedMethods } from "./api-routes.ts";
import { internalErrorEntry, stderrErrorLog } from "./error-log.ts";
import { ApiError } from "./errors.ts";
import { translateFrameworkError } from "./framework-errors.ts";
import { stringifyJson } from "./json-text.ts";
import { API_LIMITS } from "./limits.ts";
import { PlacementControl } from "./placement-control.ts";
import { registerChainRoutes } from "./routes/chains.ts";
import { registerNetworkRoutes } from "./routes/network.ts";
import { registerNotificationRoutes } from "./routes/notifications.ts";
import { registerPlacementRoutes } from "./routes/placement.ts";
import { registerRunRoutes } from "./routes/run.ts";
import { registerVnfRoutes } from "./routes/vnfs.ts";

export const DEFAULT_API_HOST = "127.0.0.1";
export { API_ROUTES };

/** Characters of a request path that a 404/405 message repeats. */
const ECHOED_PATH_CHARS = 200;

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
  /**
   * True once the run has ended (e.g. the simulation reached the scenario's duration): requests
   * that would change the run are then answered 409. Default: never ends.
   */
  runEnded?: () => boolean;
  /** Where each 5xx answer is written with its cause, one entry per call (default: stderr). */
  errorLog?: (entry: string) => void;
}

export interface ApiServer {
  /** The fastify instance (use `app.inject` to call routes without a socket). */
  readonly app: FastifyInstance;
  /** Starts listening; resolves to the base URL, e.g. "http://127.0.0.1:8080". */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** The longest vNF instance id (`<chain>.<slot>.<type>.<n>`) must fit in a path parameter. */
function checkIdsFitUrls(live: LiveRun): void {
  const longestType = Math.max(0, ...live.manager.vnfTypes().map((t) => t.length));
  // chain id, slot (< arrayItems: 3 digits), type, instance counter (≤ 10 digits), 3 dots.
  const longestVnfId = API_LIMITS.chainIdChars + 3 + longestType + 10 + 3;
  if (longestVnfId > API_LIMITS.pathParamChars) {
    throw new UserError(`vNF type names longer than ${API_LIMITS.pathParamChars - API_LIMITS.chainIdChars - 16} characters make vNF ids too long for a URL (the catalog's longest has ${longestType})`);
  }
}

export function createApiServer(live: LiveRun, options: ApiServerOptions = {}): ApiServer {
  checkIdsFitUrls(live);
  const errorLog = options.errorLog ?? stderrErrorLog;
  const answer = (reply: FastifyReply, error: ApiError) => reply.code(error.status).send(error.toBody());
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: API_LIMITS.bodyBytes,
    routerOptions: { maxParamLength: API_LIMITS.pathParamChars },
    // Bad URLs and over-long path segments, before any route runs.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const translated = translateFrameworkError(error, request);
      if (translated) return answer(reply, translated);
      errorLog(internalErrorEntry(500, request.method, request.url, error));
      return answer(reply, new ApiError(500, "internal error"));
    },
  });
  // Validation is zod's (route.ts); schemas on routes only document. Answers are plain JSON,
  // written without recursion (json-text.ts).
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => stringifyJson(data) ?? "null");
  // JSON only: any other content type with a body is a 415. An empty body is no body.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, text, done) => {
    const source = text as string;
    if (source.trim() === "") return done(null, undefined);
    try {
      done(null, JSON.parse(source) as unknown);
    } catch (err) {
      done(new ApiError(400, `body: expected JSON, found text that is not valid JSON (${(err as Error).message})`), undefined);
    }
  });

  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const translated = error instanceof ApiError ? error : translateFrameworkError(error, request);
    if (translated && translated.status < 500) return answer(reply, translated);
    const status = translated?.status ?? 500;
    errorLog(internalErrorEntry(status, request.method, request.url, error));
    return answer(reply, translated ?? new ApiError(500, "internal error"));
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    const shown = path.length > ECHOED_PATH_CHARS ? `${path.slice(0, ECHOED_PATH_CHARS)}…` : path;
    const allowed = allowedMethods(path);
    if (allowed.length === 0) return answer(reply, new ApiError(404, `no route ${request.method} ${shown}`));
    void reply.header("allow", allowed.join(", "));
    return answer(reply, new ApiError(405, `${shown}: expected the method ${allowed.join(" or ")}, found ${request.method}`));
  });

  void app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: { title: "GNF Lab Manager API", description: `The GNF Manager of the run "${live.name}": edge devices, UEs, vNF chains, vNFs, notifications, placement.`, version: options.version ?? "0.1.0" },
      tags: ["network", "chains", "vnfs", "notifications", "placement", "run"].map((name) => ({ name })),
    },
  });
  const context: ApiContext = { live, placement: new PlacementControl(live.manager, options.placementSeed, options.placementIlp), runEnded: options.runEnded ?? (() => false) };
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
