/** `/status`, `/metrics`, `/migrations`, `/operator-refusals`: the run as a whole. */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { ApiContext } from "../context.ts";
import { copyJson } from "../json-text.ts";
import { defineRoute, found, idParams, registerRoute } from "../route.ts";
import { MIGRATION_OUTCOMES, MIGRATION_REASONS, metricsSchema, migrationSchema, operatorRefusalSchema, statusSchema } from "../schemas.ts";
import { migrationView, statusView } from "../views.ts";

const migrationQuery = z
  .object({
    chain: z.string().min(1).optional().describe("only migrations of this chain"),
    reason: z.enum(MIGRATION_REASONS).optional(),
    outcome: z.enum(MIGRATION_OUTCOMES).optional(),
  })
  .strict();

export function registerRunRoutes(app: FastifyInstance, { live }: ApiContext): void {
  const manager = live.manager;

  registerRoute(
    app,
    defineRoute({
      method: "GET",
      url: "/status",
      tag: "run",
      summary: "Scenario name, clock and counts",
      responses: { 200: { description: "the run's status", schema: statusSchema } },
      handler: () => ({ status: 200, body: statusView(live) }),
    }),
  );

  registerRoute(
    app,
    defineRoute({
      method: "GET",
      url: "/metrics",
      tag: "run",
      summary: "Live metrics",
      responses: { 200: { description: "metrics so far, named as in the run's summary.json", schema: metricsSchema } },
      handler: () => ({ status: 200, body: live.metrics() }),
    }),
  );

  registerRoute(
    app,
    defineRoute({
      method: "GET",
      url: "/migrations",
      tag: "run",
      summary: "Migrations so far",
      query: migrationQuery,
      responses: { 200: { description: "in decision order, in-flight ones included", schema: z.array(migrationSchema) } },
      handler: ({ query }) => ({
        status: 200,
        body: manager
          .migrations()
          .filter((m) => (query.chain === undefined || m.chain === query.chain) && (query.reason === undefined || m.reason === query.reason) && (query.outcome === undefined || m.outcome === query.outcome))
          .map(migrationView),
      }),
    }),
  );

  registerRoute(
    app,
    defineRoute({
      method: "GET",
      url: "/migrations/:id",
      tag: "run",
      summary: "One migration",
      params: idParams,
      responses: { 200: { description: "the migration's timeline", schema: migrationSchema } },
      handler: ({ params }) => ({ status: 200, body: migrationView(found(manager.migrations().find((m) => m.id === params.id), `migration ${params.id}`)) }),
    }),
  );

  registerRoute(
    app,
    defineRoute({
      method: "GET",
      url: "/operator-refusals",
      tag: "run",
      summary: "Accepted operator actions the Manager refused when it handled them",
      description: "The API checks an action before submitting it; a run that handles submitted events later may find the state changed (e.g. a migration began meanwhile).",
      responses: { 200: { description: "in handling order", schema: z.array(operatorRefusalSchema) } },
      handler: () => ({ status: 200, body: copyJson(manager.operatorRefusals()) }),
    }),
  );
}
