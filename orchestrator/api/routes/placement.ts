/** `/placement`: which placement algorithm the Manager runs, and switching it (`PLACER_NAMES`). */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { PLACER_NAMES, latencyIlpConfigSchema, type PlacerName } from "../../../placement/index.ts";
import { refuseIfRunEnded, type ApiContext } from "../context.ts";
import { ApiError } from "../errors.ts";
import { defineRoute, registerRoute } from "../route.ts";
import { placementSchema } from "../schemas.ts";

/** The body of `PUT /placement`. */
export const placementRequestSchema = z
  .object({
    algorithm: z.enum(PLACER_NAMES as [PlacerName, ...PlacerName[]]).describe("placement algorithm"),
    seed: z.union([z.number(), z.string()]).optional().describe("seed of the random placer (default: the run's seed)"),
    ilp: latencyIlpConfigSchema.optional().describe("latency-ilp settings"),
  })
  .strict();

export function registerPlacementRoutes(app: FastifyInstance, context: ApiContext): void {
  const placement = context.placement;
  const view = () => {
    const seed = placement.lastSeed();
    return { algorithm: placement.algorithm(), ...(seed === undefined ? {} : { seed }), available: [...PLACER_NAMES] };
  };

  registerRoute(
    app,
    defineRoute({
      method: "GET",
      url: "/placement",
      tag: "placement",
      summary: "The placement algorithm in use",
      responses: { 200: { description: "the algorithm and the ones available", schema: placementSchema } },
      handler: () => ({ status: 200, body: view() }),
    }),
  );

  registerRoute(
    app,
    defineRoute({
      method: "PUT",
      url: "/placement",
      tag: "placement",
      summary: "Switch the placement algorithm",
      description: "Applies to every later placement decision; vNFs are not moved by the switch itself. latency-ilp loads HiGHS first.",
      body: placementRequestSchema,
      responses: {
        200: { description: "switched", schema: placementSchema },
        409: { description: "a newer switch was requested while this one was being prepared (this one was not applied), or the run has ended" },
        503: { description: "the algorithm could not be created (e.g. HiGHS failed to load); the placer is unchanged" },
      },
      handler: async ({ body }) => {
        refuseIfRunEnded(context);
        const request = { algorithm: body.algorithm, ...(body.seed === undefined ? {} : { seed: body.seed }), ...(body.ilp === undefined ? {} : { ilp: body.ilp }) };
        let outcome;
        try {
          outcome = await placement.switchTo(request);
        } catch (err) {
          throw new ApiError(503, `could not create placement algorithm ${body.algorithm}: ${err instanceof Error ? err.message : String(err)}`, [], err);
        }
        if (!outcome.applied) throw new ApiError(409, `switch to ${body.algorithm} superseded by a newer PUT /placement`);
        return { status: 200, body: view() };
      },
    }),
  );
}
