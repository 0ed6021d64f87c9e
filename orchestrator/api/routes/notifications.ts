/**
 * `/notifications`: what vNFs raised about UE traffic, with the operator's acknowledge, delete and
 * per-vNF mute (paper §IV), on the Manager's `NotificationStore`. These act at once (no backend
 * round trip): the store is plain data.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { ApiContext } from "../context.ts";
import { defineRoute, found, idParams, registerRoute } from "../route.ts";
import { muteSchema, notificationSchema } from "../schemas.ts";
import { notificationView } from "../views.ts";

const flag = z.enum(["true", "false"]);

const listQuery = z
  .object({
    vnf: z.string().min(1).optional().describe("only those raised by this vNF"),
    ue: z.string().min(1).optional().describe("only those about this UE"),
    kind: z.string().min(1).optional().describe('e.g. "ids-alert", "attack-detected", "measurement-done", "info"'),
    acknowledged: flag.optional().describe("true: only acknowledged ones; false: only unacknowledged ones"),
    muted: flag.optional().describe("true: only those raised while their vNF was muted; false: only the others"),
  })
  .strict();

export function registerNotificationRoutes(app: FastifyInstance, { live }: ApiContext): void {
  const manager = live.manager;
  const store = manager.notifications;

  registerRoute(
    app,
    defineRoute({
      method: "GET",
      url: "/notifications",
      tag: "notifications",
      summary: "List notifications",
      query: listQuery,
      responses: { 200: { description: "notifications in raise order", schema: z.array(notificationSchema) } },
      handler: ({ query }) => {
        const filter: Parameters<typeof store.list>[0] = {};
        if (query.vnf !== undefined) filter.vnf = query.vnf;
        if (query.ue !== undefined) filter.ue = query.ue;
        if (query.kind !== undefined) filter.kind = query.kind;
        const items = store
          .list(filter)
          .filter((n) => (query.acknowledged === undefined || n.acknowledged === (query.acknowledged === "true")) && (query.muted === undefined || n.muted === (query.muted === "true")));
        return { status: 200, body: items.map(notificationView) };
      },
    }),
  );

  registerRoute(
    app,
    defineRoute({
      method: "GET",
      url: "/notifications/:id",
      tag: "notifications",
      summary: "One notification",
      params: idParams,
      responses: { 200: { description: "the notification", schema: notificationSchema } },
      handler: ({ params }) => ({ status: 200, body: notificationView(found(store.get(params.id), `notification ${params.id}`)) }),
    }),
  );

  registerRoute(
    app,
    defineRoute({
      method: "POST",
      url: "/notifications/:id/ack",
      tag: "notifications",
      summary: "Acknowledge a notification (idempotent)",
      params: idParams,
      responses: { 200: { description: "the acknowledged notification", schema: notificationSchema } },
      handler: ({ params }) => {
        const n = found(store.get(params.id), `notification ${params.id}`);
        store.acknowledge(n.id);
        return { status: 200, body: notificationView(n) };
      },
    }),
  );

  registerRoute(
    app,
    defineRoute({
      method: "DELETE",
      url: "/notifications/:id",
      tag: "notifications",
      summary: "Delete a notification",
      params: idParams,
      responses: { 204: { description: "deleted" } },
      handler: ({ params }) => {
        found(store.get(params.id), `notification ${params.id}`);
        store.delete(params.id);
        return { status: 204 };
      },
    }),
  );

  /** A vNF the operator can mute: one the Manager knows, or one that raised notifications. */
  const knownVnf = (id: string): string => found(manager.instance(id) || store.counts(id).raised > 0 ? id : undefined, `vNF ${id}`);

  for (const muted of [true, false]) {
    registerRoute(
      app,
      defineRoute({
        method: "POST",
        url: `/vnfs/:id/${muted ? "mute" : "unmute"}`,
        tag: "notifications",
        summary: muted ? "Mute a vNF's notifications" : "Unmute a vNF's notifications",
        description: muted ? "Notifications it raises from now on are stored muted: counted, never unread. Idempotent." : "Idempotent.",
        params: idParams,
        responses: { 200: { description: "the vNF's mute state and notification counts", schema: muteSchema } },
        handler: ({ params }) => {
          const vnf = knownVnf(params.id);
          if (muted) store.mute(vnf);
          else store.unmute(vnf);
          return { status: 200, body: { vnf, muted: store.isMuted(vnf), notifications: store.counts(vnf) } };
        },
      }),
    );
  }
}
