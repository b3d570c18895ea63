import { appendToStream, decodeCursor, pageLimit, paginate, problems, type Db } from '@starling/kit';
import { newEvent } from '@starling/events';
import { sql } from 'kysely';
import type { Handler } from '../handlers/deps.js';
import { NotificationDismissed, NotificationsRead } from './events.js';
import { presentNotification } from './presenter.js';
import { findOwnNotification, readState, unreadCount, visibleNotifications } from './read-model.js';

const PRIVATE = 'private, no-cache';

/** The stream's version now, which the next append must expect. */
async function versionOf(trx: Db, streamId: string): Promise<number> {
  const { rows } = await sql<{ version: number }>`
    select coalesce(max(stream_version), 0)::int as version from events where stream_id = ${streamId}`.execute(trx);
  return rows[0]!.version;
}

export const listNotifications: Handler<'listNotifications'> = (ctx) => async (request, reply) => {
  const caller = await ctx.auth.require(request);
  const limit = pageLimit(request.query);
  const before = decodeCursor(request.query.cursor);
  const rows = await visibleNotifications(
    ctx.db,
    caller.userId,
    { types: request.query['types[]'], excludeTypes: request.query['exclude_types[]'], before },
    'newest',
    limit + 1,
  );
  reply.header('vary', 'authorization, cookie').header('cache-control', PRIVATE);
  return { notifications: paginate(request, reply, rows, limit, (r) => r.notification_id).map(presentNotification) };
};

/** One of the caller's notifications, as the list shows it; another's, or one not shown, is a 404. */
export const getNotification: Handler<'getNotification'> = (ctx) => async (request, reply) => {
  const caller = await ctx.auth.require(request);
  const [row] = await visibleNotifications(ctx.db, caller.userId, { id: request.params.id }, 'newest', 1);
  if (!row) throw problems.notFound(`You have no notification ${request.params.id}.`);
  reply.header('vary', 'authorization, cookie').header('cache-control', PRIVATE);
  return presentNotification(row);
};

export const countUnreadNotifications: Handler<'countUnreadNotifications'> = (ctx) => async (request, reply) => {
  const caller = await ctx.auth.require(request);
  reply.header('vary', 'authorization, cookie').header('cache-control', PRIVATE);
  return { count: await unreadCount(ctx.db, caller.userId) };
};

/**
 * Moves the caller's read marker forward to `up_to_id` (one of theirs, else 404), or to
 * their newest notification. A marker already past it stays: nothing is appended.
 */
export const markNotificationsRead: Handler<'markNotificationsRead'> = (ctx) => async (request) => {
  const caller = await ctx.auth.require(request);
  const upTo = request.body?.up_to_id;
  await ctx.write(async (trx) => {
    if (upTo !== undefined && !(await findOwnNotification(trx, caller.userId, upTo)))
      throw problems.notFound(`You have no notification ${upTo}.`);
    const { newest, marker } = await readState(trx, caller.userId);
    const target = upTo ?? newest;
    if (target === undefined || (marker !== undefined && target <= marker)) return;
    const streamId = `notifications-read-${caller.userId}`;
    await appendToStream(trx, streamId, await versionOf(trx, streamId), [
      {
        ...newEvent(NotificationsRead, { account_id: caller.userId, up_to_id: target }),
        metadata: { actor_id: caller.userId, request_id: String(request.id) },
      },
    ]);
  });
  return { count: await unreadCount(ctx.db, caller.userId) };
};

/** Removes one of the caller's notifications; another's, or one gone already, is a 404. */
export const dismissNotification: Handler<'dismissNotification'> = (ctx) => async (request, reply) => {
  const caller = await ctx.auth.require(request);
  const { id } = request.params;
  await ctx.write(async (trx) => {
    const own = await findOwnNotification(trx, caller.userId, id);
    if (!own) throw problems.notFound(`You have no notification ${id}.`);
    await appendToStream(trx, own.stream_id, await versionOf(trx, own.stream_id), [
      {
        ...newEvent(NotificationDismissed, { account_id: caller.userId, notification_id: id }),
        metadata: { actor_id: caller.userId, request_id: String(request.id) },
      },
    ]);
  });
  return reply.code(204).send();
};
