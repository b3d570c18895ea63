import {
  decodeCursor,
  etagOf,
  ifMatch,
  notModified,
  pageLimit,
  paginate,
  routeHandlers,
  type ServiceContext,
} from '@starling/kit';
import type { RouteHandlerMethod } from 'fastify';
import type { Handler } from '../handlers/deps.js';
import type { NotifyDb } from '../tables.js';
import * as commands from './commands.js';
import { presentDelivery, presentWebhook, stateOfRow } from './present.js';
import { deliveriesPage, findManaged, listManaged, redeliver } from './read.js';
import type { WebhooksSettings } from './settings.js';

const PRIVATE = { vary: 'authorization, cookie', 'cache-control': 'private, no-cache' };

export function webhookHandlers(ctx: ServiceContext, settings: WebhooksSettings): Record<string, RouteHandlerMethod> {
  const db: NotifyDb = ctx.db;

  const listWebhooks: Handler<'listWebhooks'> = () => async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const rows = await listManaged(db, caller);
    reply.headers(PRIVATE);
    return { webhooks: rows.map((row) => presentWebhook(stateOfRow(row))) };
  };

  const createWebhook: Handler<'createWebhook'> = () => async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const written = await commands.createWebhook(ctx, settings, request.body, { caller, requestId: request.id });
    reply
      .code(201)
      .headers({ ...PRIVATE, etag: etagOf(written.version), location: `/api/v2/webhooks/${written.state.id}` });
    return { ...presentWebhook(written.state), secret: written.secret! };
  };

  const getWebhook: Handler<'getWebhook'> = () => async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const row = await findManaged(db, request.params.id, caller);
    reply.headers(PRIVATE);
    if (notModified(request, reply, row.version)) return reply;
    return presentWebhook(stateOfRow(row));
  };

  const updateWebhook: Handler<'updateWebhook'> = () => async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const written = await commands.updateWebhook(ctx, settings, request.params.id, request.body, ifMatch(request), {
      caller,
      requestId: request.id,
    });
    reply.headers({ ...PRIVATE, etag: etagOf(written.version) });
    return presentWebhook(written.state);
  };

  const deleteWebhook: Handler<'deleteWebhook'> = () => async (request, reply) => {
    const caller = await ctx.auth.require(request);
    await commands.deleteWebhook(ctx, request.params.id, ifMatch(request), { caller, requestId: request.id });
    return reply.code(204).send();
  };

  const rotateWebhookSecret: Handler<'rotateWebhookSecret'> = () => async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const written = await commands.rotateWebhookSecret(ctx, request.params.id, { caller, requestId: request.id });
    reply.headers({ ...PRIVATE, etag: etagOf(written.version) });
    return { ...presentWebhook(written.state), secret: written.secret! };
  };

  const listWebhookDeliveries: Handler<'listWebhookDeliveries'> = () => async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const row = await findManaged(db, request.params.id, caller);
    const limit = pageLimit(request.query);
    const rows = await deliveriesPage(db, row.id, limit + 1, decodeCursor(request.query.cursor));
    reply.headers(PRIVATE);
    const page = paginate(request, reply, rows, limit, (d) => d.id);
    return { deliveries: page.map(presentDelivery) };
  };

  const redeliverWebhookDelivery: Handler<'redeliverWebhookDelivery'> = () => async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const row = await findManaged(db, request.params.id, caller);
    const queued = await redeliver(db, row.id, request.params.delivery_id);
    reply.code(202).headers(PRIVATE);
    return presentDelivery(queued);
  };

  const handlers = {
    listWebhooks,
    createWebhook,
    getWebhook,
    updateWebhook,
    deleteWebhook,
    rotateWebhookSecret,
    listWebhookDeliveries,
    redeliverWebhookDelivery,
  };
  return routeHandlers(handlers, ctx);
}
