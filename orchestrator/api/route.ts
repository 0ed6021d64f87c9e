/**
 * One REST route as data: method, path, zod schemas of its path parameters, query and body, its
 * documented answers, and a handler that gets the parsed input. `registerRoute` turns it into a
 * fastify route whose OpenAPI entry is generated from the same schemas, so the document and the
 * validation cannot drift apart.
 *
 * Validation is zod's (fastify's own AJV validation is switched off in `server.ts`): a request
 * whose params, query or body break `API_LIMITS` or do not parse is answered 400 before the
 * handler runs, so nothing changes. Unknown query parameters are rejected; a route without a body
 * schema accepts no body (or `{}`). Messages are in our own words (`messages.ts`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { ApiError, badRequest } from "./errors.ts";
import { API_LIMITS, limitIssue } from "./limits.ts";
import { issuesFromZod, type KeyHints } from "./messages.ts";
import { errorSchema, toOpenApi } from "./schemas.ts";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/** What a handler answers: a status and a JSON body (none for 204). */
export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
}

export interface RouteDef<P, Q, B> {
  method: HttpMethod;
  /** fastify syntax: `/chains/:id`. */
  url: string;
  summary: string;
  description?: string;
  tag: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Hints for unknown body keys, e.g. `{ at: "scheduling is not supported …" }`. */
  bodyHints?: KeyHints;
  /** Answers besides the error ones derived from the schemas (400, 404 with params). */
  responses: Record<number, RouteResponse>;
  handler(input: RouteInput<P, Q, B>): RouteResult | Promise<RouteResult>;
}

/** Identity with inference of P, Q, B from the schemas. */
export function defineRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(def: RouteDef<P, Q, B>): RouteDef<P, Q, B> {
  return def;
}

/** The `{ id }` path parameter of resource routes. */
export const idParams = z
  .object({ id: z.string().min(1).max(API_LIMITS.pathParamChars).describe("resource id") })
  .strict();

const noQuery = z.object({}).strict();
const noBody = z.union([z.undefined(), z.null(), z.object({}).strict()]);

/** Checks `value`, the part `root` of a request, against `API_LIMITS`, then parses it with `schema`. */
function parsePart<T>(root: string, schema: z.ZodType<T>, value: unknown, hints?: KeyHints): T {
  const over = limitIssue(root, value);
  if (over) throw badRequest([over]);
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw badRequest(issuesFromZod(root, result.error, hints));
  return result.data;
}

/** Registers `def` on `app` (inside the plugin that carries the API's routes). */
export function registerRoute<P, Q, B>(app: FastifyInstance, def: RouteDef<P, Q, B>): void {
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(def.responses)) responses[status] = { ...(r.schema ? toOpenApi(r.schema) : {}), description: r.description };
  const error = (description: string) => ({ ...toOpenApi(errorSchema), description });
  responses["400"] ??= error("bad input: the message names the field and what was expected");
  if (def.params) responses["404"] ??= error("no such resource");
  if (def.body) {
    responses["413"] ??= error(`the body is over ${API_LIMITS.bodyBytes} bytes`);
    responses["415"] ??= error("the body is not application/json");
  }
  const schema: Record<string, unknown> = { summary: def.summary, tags: [def.tag], response: responses };
  if (def.description) schema.description = def.description;
  if (def.params) schema.params = toOpenApi(def.params, "input");
  if (def.query) schema.querystring = toOpenApi(def.query, "input");
  if (def.body) schema.body = toOpenApi(def.body, "input");
  app.route({
    method: def.method,
    url: def.url,
    schema,
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const params = parsePart("params", (def.params ?? z.object({}).strict()) as z.ZodType<P>, request.params);
      const query = parsePart("query", (def.query ?? noQuery) as z.ZodType<Q>, request.query);
      const body = def.body ? parsePart("body", def.body, request.body, def.bodyHints) : (parsePart("body", noBody, request.body) as B);
      const result = await def.handler({ params, query, body });
      if (result.headers) void reply.headers(result.headers);
      void reply.code(result.status);
      return result.status === 204 ? reply.send() : reply.send(result.body);
    },
  });
}

/** Throws unless `value` is defined (a 404 naming what was missing). */
export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new ApiError(404, `no ${what}`);
  return value;
}
