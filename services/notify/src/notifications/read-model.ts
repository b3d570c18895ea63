import type { Db } from '@starling/kit';
import { sql, type RawBuilder } from 'kysely';
import type { NotificationType } from './events.js';

export interface NotificationRow {
  notification_id: string;
  /** Its place in the streams' feed. */
  seq: string;
  type: NotificationType;
  actor_id: string | null;
  actor_username: string | null;
  actor_name: string | null;
  tweet_id: string | null;
  tweet_author_id: string | null;
  tweet_body: string | null;
  tweet_created_at: Date | null;
  webhook_id: string | null;
  created_at: Date;
  read: boolean;
}

export interface Filter {
  types?: readonly string[];
  excludeTypes?: readonly string[];
  /** Only those older than this notification id (a page's cursor). */
  before?: string;
  /** Only this one. */
  id?: string;
  /** Only those after this `seq` of the feed (the live stream). */
  afterSeq?: string;
}

/**
 * The recipient's notifications that may be shown: each with who did it and the tweet
 * it is about. Besides the removals the projection applies, the directory is checked
 * here too, so that an account or tweet deleted but not yet removed is never shown.
 */
export async function visibleNotifications(
  db: Db,
  recipientId: string,
  filter: Filter,
  order: 'newest' | 'seq',
  limit: number,
): Promise<NotificationRow[]> {
  const where: RawBuilder<unknown>[] = [sql`n.recipient_id = ${recipientId}`, ...visible()];
  if (filter.types?.length) where.push(sql`n.type = any(${[...filter.types]}::text[])`);
  if (filter.excludeTypes?.length) where.push(sql`not (n.type = any(${[...filter.excludeTypes]}::text[]))`);
  if (filter.before) where.push(sql`n.notification_id < ${filter.before}`);
  if (filter.id !== undefined) where.push(sql`n.notification_id = ${filter.id}`);
  if (filter.afterSeq !== undefined) where.push(sql`f.seq > ${filter.afterSeq}::bigint`);
  const orderBy = order === 'newest' ? sql`n.notification_id desc` : sql`f.seq`;
  const { rows } = await sql<NotificationRow>`
    select n.notification_id, f.seq::text as seq, n.type, n.actor_id, a.username as actor_username,
           a.name as actor_name, n.tweet_id, coalesce(t.author_id, dt.author_id) as tweet_author_id,
           coalesce(t.body, dt.body) as tweet_body, coalesce(t.created_at, dt.created_at) as tweet_created_at,
           n.webhook_id, n.created_at, n.notification_id <= coalesce(m.read_up_to, '') as read
    from notifications n
    left join notification_feed f on f.notification_id = n.notification_id
    left join accounts a on a.id = n.actor_id
    left join notification_tweets t on t.id = n.tweet_id
    left join tweets dt on dt.id = n.tweet_id
    left join notification_markers m on m.account_id = n.recipient_id
    where ${sql.join(where, sql` and `)}
    order by ${orderBy}
    limit ${limit}`.execute(db);
  return rows;
}

/** Conditions on `n` (and the joins above) for a notification that may be shown. */
function visible(): RawBuilder<unknown>[] {
  return [
    sql`(n.actor_id is null or (a.id is not null and not a.deleted))`,
    sql`(n.tweet_id is null or (coalesce(t.id, dt.id) is not null
          and not coalesce(t.deleted, false) and not coalesce(dt.deleted, false)))`,
  ];
}

/** How many of the recipient's notifications are past their read marker. */
export async function unreadCount(db: Db, recipientId: string): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    select count(*)::int as count
    from notifications n
    left join accounts a on a.id = n.actor_id
    left join notification_tweets t on t.id = n.tweet_id
    left join tweets dt on dt.id = n.tweet_id
    where n.recipient_id = ${recipientId}
      and n.notification_id > coalesce((select read_up_to from notification_markers where account_id = ${recipientId}), '')
      and ${sql.join(visible(), sql` and `)}`.execute(db);
  return rows[0]!.count;
}

/** One of the recipient's notifications (shown or not), with the stream it was created in. */
export async function findOwnNotification(
  db: Db,
  recipientId: string,
  id: string,
): Promise<{ notification_id: string; stream_id: string } | undefined> {
  const { rows } = await sql<{ notification_id: string; stream_id: string }>`
    select notification_id, stream_id from notifications
    where notification_id = ${id} and recipient_id = ${recipientId}`.execute(db);
  return rows[0];
}

/** The recipient's newest notification id and their read marker. */
export async function readState(db: Db, recipientId: string): Promise<{ newest?: string; marker?: string }> {
  const { rows } = await sql<{ newest: string | null; marker: string | null }>`
    select (select max(notification_id) from notifications where recipient_id = ${recipientId}) as newest,
           (select read_up_to from notification_markers where account_id = ${recipientId}) as marker`.execute(db);
  return { newest: rows[0]?.newest ?? undefined, marker: rows[0]?.marker ?? undefined };
}

/** Where a new stream starts: after every notification so far. */
export async function streamHead(db: Db): Promise<string> {
  const { rows } = await sql<{ seq: string }>`select coalesce(max(seq), 0)::text as seq from notification_feed`.execute(
    db,
  );
  return rows[0]!.seq;
}
