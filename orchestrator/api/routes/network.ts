/** `/devices` and `/ues`: the network as the Manager sees it (hosts with their Agents' last reports, UEs). */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { ApiContext } from "../context.ts";
import { defineRoute, found, idParams, registerRoute } from "../route.ts";
import { deviceSchema, ueSchema } from "../schemas.ts";
import { deviceViews, ueIds, ueView } from "../views.ts";

const ueQuery = z.object({ attached: z.enum(["true", "false"]).optional().describe("only attached (true) or detached (false) UEs") }).strict();

export function registerNetworkRoutes(app: FastifyInstance, { live }: ApiContext): void {
  const manager = live.manager;

  registerRoute(
    app,
    defineRoute({
      method: "GET",
      url: "/devices",
      tag: "network",
      summary: "Edge devices and the central NFVI",
      responses: { 200: { description: "every host the Manager can place on, with its last report and the Manager's reservations", schema: z.array(deviceSchema) } },
      handler: () => ({ status: 200, body: deviceViews(live) }),
    }),
  );

  registerRoute(
    app,
    defineRoute({
      method: "GET",
      url: "/ues",
      tag: "network",
      summary: "User equipment",
      query: ueQuery,
      responses: { 200: { description: "every UE that connected or that a chain names", schema: z.array(ueSchema) } },
      handler: ({ query }) => ({
        status: 200,
        body: ueIds(manager)
          .map((id) => ueView(manager, id))
          .filter((u) => u !== undefined && (query.attached === undefined || u.attached === (query.attached === "true"))),
      }),
    }),
  );

  registerRoute(
    app,
    defineRoute({
      method: "GET",
      url: "/ues/:id",
      tag: "network",
      summary: "One UE",
      params: idParams,
      responses: { 200: { description: "the UE", schema: ueSchema } },
      handler: ({ params }) => ({ status: 200, body: found(ueView(manager, params.id), `UE ${params.id}`) }),
    }),
  );
}
