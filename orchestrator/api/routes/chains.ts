/**
 * `/chains`: the vNF chains on selected UE traffic. A chain is requested with the scenario
 * file's chain schema (`chainConfigSchema`, without the scheduling keys `at`/`until`: over the API
 * a chain is requested now) and removed by id.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { chainConfigSchema, chainsFromConfig } from "../../config.ts";
import type { Manager } from "../../manager.ts";
import { refuseIfRunEnded, type ApiContext } from "../context.ts";
import { ApiError } from "../errors.ts";
import { API_LIMITS } from "../limits.ts";
import { defineRoute, found, idParams, registerRoute } from "../route.ts";
import { CHAIN_STATUSES, acceptedSchema, chainSchema } from "../schemas.ts";
import { chainView } from "../views.ts";

/**
 * The body of `POST /chains`: the scenario chain schema without `at`/`until`, its id at most
 * `API_LIMITS.chainIdChars` long (so that the URL of the chain and of its vNFs can carry it).
 */
export const chainRequestSchema = chainConfigSchema
  .omit({ at: true, until: true })
  .extend({ id: chainConfigSchema.shape.id.unwrap().max(API_LIMITS.chainIdChars).optional().describe(`chain id, at most ${API_LIMITS.chainIdChars} characters (default chain-<n>)`) })
  .describe("a vNF chain as in a scenario file's chains: list (without at/until)");

const SCHEDULING_HINT = "scheduling is not supported over the API (the chain is requested now, and removed with DELETE /chains/{id})";

const listQuery = z
  .object({
    ue: z.string().min(1).optional().describe("only chains of this UE"),
    status: z.enum(CHAIN_STATUSES).optional().describe("only chains in this status"),
  })
  .strict();

/** The first `chain-<n>` (n from the number of chains + 1) no chain has used. */
function defaultChainId(manager: Manager): string {
  for (let n = manager.chains().length + 1; ; n++) if (!manager.chain(`chain-${n}`)) return `chain-${n}`;
}

export function registerChainRoutes(app: FastifyInstance, context: ApiContext): void {
  const live = context.live;
  const manager = live.manager;

  registerRoute(
    app,
    defineRoute({
      method: "GET",
      url: "/chains",
      tag: "chains",
      summary: "List chains",
      query: listQuery,
      responses: { 200: { description: "chains in request order", schema: z.array(chainSchema) } },
      handler: ({ query }) => ({
        status: 200,
        body: manager
          .chains()
          .filter((c) => (query.ue === undefined || c.spec.ue === query.ue) && (query.status === undefined || c.status === query.status))
          .map(chainView),
      }),
    }),
  );

  registerRoute(
    app,
    defineRoute({
      method: "POST",
      url: "/chains",
      tag: "chains",
      summary: "Request a chain on a UE's traffic",
      description: "Validated with the scenario chain schema; the id defaults to the first unused chain-<n>. A chain id may be reused once its chain is removed.",
      body: chainRequestSchema,
      bodyHints: { at: SCHEDULING_HINT, until: SCHEDULING_HINT },
      responses: {
        201: { description: "the chain, as the Manager handled the request", schema: chainSchema },
        202: { description: "accepted; the run has not handled it yet (GET /chains/{id} later)", schema: acceptedSchema },
        409: { description: "a chain with this id exists and is not removed, or the run has ended" },
        422: { description: "a vNF type is not in the catalog" },
      },
      handler: ({ body }) => {
        refuseIfRunEnded(context);
        const id = body.id ?? defaultChainId(manager);
        const existing = manager.chain(id);
        if (existing && existing.status !== "removed") throw new ApiError(409, `chain ${id} exists (status ${existing.status}); remove it first or choose another id`);
        const types = manager.vnfTypes();
        const unknown = body.vnfs
          .map((v, i) => ({ i, type: typeof v === "string" ? v : v.type }))
          .filter((v) => !types.includes(v.type))
          .map((v) => ({ path: `body.vnfs[${v.i}]${typeof body.vnfs[v.i] === "string" ? "" : ".type"}`, message: `unknown vNF type "${v.type}"; expected one of ${types.join(", ")}` }));
        if (unknown.length > 0) throw new ApiError(422, unknown.map((u) => `${u.path}: ${u.message}`).join("; "), unknown);
        const [scheduled] = chainsFromConfig([{ ...body, id, at: 0 }]);
        const spec = (scheduled as NonNullable<typeof scheduled>).spec;
        live.submit({ type: "chain-requested", chain: spec });
        const chain = manager.chain(id);
        const headers = { location: `/chains/${encodeURIComponent(id)}` };
        if (chain && chain !== existing && chain.status !== "removed") return { status: 201, body: chainView(chain), headers };
        return { status: 202, body: { accepted: true, id, status: "requested" }, headers };
      },
    }),
  );

  registerRoute(
    app,
    defineRoute({
      method: "GET",
      url: "/chains/:id",
      tag: "chains",
      summary: "One chain",
      params: idParams,
      responses: { 200: { description: "the chain", schema: chainSchema } },
      handler: ({ params }) => ({ status: 200, body: chainView(found(manager.chain(params.id), `chain ${params.id}`)) }),
    }),
  );

  registerRoute(
    app,
    defineRoute({
      method: "DELETE",
      url: "/chains/:id",
      tag: "chains",
      summary: "Remove a chain",
      description: "Its vNFs are stopped and its steering removed; the chain passes through removing to removed.",
      params: idParams,
      responses: {
        202: { description: "removal requested; the chain as it is now", schema: chainSchema },
        409: { description: "the chain is already removing or removed, or the run has ended" },
      },
      handler: ({ params }) => {
        refuseIfRunEnded(context);
        const chain = found(manager.chain(params.id), `chain ${params.id}`);
        if (chain.status === "removing" || chain.status === "removed") throw new ApiError(409, `chain ${params.id} is already ${chain.status}`);
        live.submit({ type: "chain-removed", chain: params.id });
        return { status: 202, body: chainView(found(manager.chain(params.id), `chain ${params.id}`)) };
      },
    }),
  );
}
