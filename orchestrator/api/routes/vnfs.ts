/**
 * `/vnfs`: container vNF instances, and the operator's actions on one of them (stop, start,
 * migrate; see the operator events in `events.ts`). An action is checked with
 * `Manager.operatorRefusal` before it is submitted — 404 no such vNF, 409 busy or wrong state,
 * 422 unknown host or no capacity — so a refused request changes nothing. An accepted one answers
 * 202: stopping, starting and migrating take the backend's time.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { MIGRATION_MODES } from "../../config.ts";
import type { OperatorVnfEvent } from "../../events.ts";
import { refuseIfRunEnded, type ApiContext } from "../context.ts";
import { refusalError } from "../errors.ts";
import { defineRoute, found, idParams, registerRoute, type RouteResult } from "../route.ts";
import { vnfActionSchema, vnfSchema } from "../schemas.ts";
import { chainView, migrationView, vnfView } from "../views.ts";

const listQuery = z
  .object({
    chain: z.string().min(1).optional().describe("only vNFs of this chain"),
    host: z.string().min(1).optional().describe("only vNFs on this host"),
    ue: z.string().min(1).optional().describe("only vNFs on this UE's traffic"),
    state: z.enum(["starting", "running", "stopping", "stopped", "failed"]).optional(),
  })
  .strict();

const startBody = z.object({ host: z.string().min(1).optional().describe("where to start it (default: the host it ran on)") }).strict().optional();

const migrateBody = z
  .object({
    host: z.string().min(1).describe("the target host"),
    mode: z.enum(MIGRATION_MODES).optional().describe("migration procedure (default: the Manager's migration policy)"),
  })
  .strict();

export function registerVnfRoutes(app: FastifyInstance, context: ApiContext): void {
  const live = context.live;
  const manager = live.manager;

  /** Checks, submits, and answers with the vNF, its chain and the migration it started. */
  const act = (event: OperatorVnfEvent): RouteResult => {
    refuseIfRunEnded(context);
    const refusal = manager.operatorRefusal(event);
    if (refusal) throw refusalError(refusal);
    const migrationsBefore = manager.migrations().length;
    live.submit(event);
    const inst = found(manager.instance(event.vnfId), `vNF ${event.vnfId}`);
    const body: z.infer<typeof vnfActionSchema> = { vnf: vnfView(manager, inst), chain: chainView(found(manager.chain(inst.chain), `chain ${inst.chain}`)) };
    const started = manager.migrations()[migrationsBefore];
    if (started && event.type !== "vnf-stop-requested") body.migration = migrationView(started);
    return { status: 202, body };
  };

  const actionResponses = {
    202: { description: "accepted: the vNF and its chain as they are now, with the migration it started", schema: vnfActionSchema },
    409: { description: "the vNF or its chain is busy or in the wrong state, or the run has ended" },
  };

  registerRoute(
    app,
    defineRoute({
      method: "GET",
      url: "/vnfs",
      tag: "vnfs",
      summary: "List vNF instances",
      query: listQuery,
      responses: { 200: { description: "every instance the Manager asked for, in creation order", schema: z.array(vnfSchema) } },
      handler: ({ query }) => ({
        status: 200,
        body: manager
          .instances()
          .filter((i) => (query.chain === undefined || i.chain === query.chain) && (query.host === undefined || i.host === query.host) && (query.ue === undefined || i.ue === query.ue) && (query.state === undefined || i.state === query.state))
          .map((i) => vnfView(manager, i)),
      }),
    }),
  );

  registerRoute(
    app,
    defineRoute({
      method: "GET",
      url: "/vnfs/:id",
      tag: "vnfs",
      summary: "One vNF instance",
      params: idParams,
      responses: { 200: { description: "the instance", schema: vnfSchema } },
      handler: ({ params }) => ({ status: 200, body: vnfView(manager, found(manager.instance(params.id), `vNF ${params.id}`)) }),
    }),
  );

  registerRoute(
    app,
    defineRoute({
      method: "POST",
      url: "/vnfs/:id/stop",
      tag: "vnfs",
      summary: "Stop a running vNF",
      description: "The chain's steering bypasses the vNF and its container is stopped; the chain stays active and the slot stays stopped until POST /vnfs/{id}/start.",
      params: idParams,
      responses: actionResponses,
      handler: ({ params }) => act({ type: "vnf-stop-requested", vnfId: params.id }),
    }),
  );

  registerRoute(
    app,
    defineRoute({
      method: "POST",
      url: "/vnfs/:id/start",
      tag: "vnfs",
      summary: "Restart a vNF stopped by the operator",
      description: 'A new instance (new id, no state) starts on the host and is steered back into the chain; recorded as a migration with reason "operator-restart".',
      params: idParams,
      body: startBody,
      responses: { ...actionResponses, 422: { description: "unknown host, or the host lacks capacity" } },
      handler: ({ params, body }) => act(body?.host === undefined ? { type: "vnf-start-requested", vnfId: params.id } : { type: "vnf-start-requested", vnfId: params.id, host: body.host }),
    }),
  );

  registerRoute(
    app,
    defineRoute({
      method: "POST",
      url: "/vnfs/:id/migrate",
      tag: "vnfs",
      summary: "Migrate a running vNF to a host",
      description: 'Make-before-break or break-before-make as the Manager does it; recorded with reason "operator". Later re-placement triggers may move it again.',
      params: idParams,
      body: migrateBody,
      responses: { ...actionResponses, 422: { description: "unknown host, the host it already runs on, or the host lacks capacity" } },
      handler: ({ params, body }) => act(body.mode === undefined ? { type: "vnf-migration-requested", vnfId: params.id, host: body.host } : { type: "vnf-migration-requested", vnfId: params.id, host: body.host, mode: body.mode }),
    }),
  );
}
