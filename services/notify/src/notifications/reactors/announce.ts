import { appendToStream, newId, WrongExpectedVersion, type Db, type NewEvent, type RecordedEvent } from '@starling/kit';
import { newEvent } from '@starling/events';
import { sql } from 'kysely';
import { NotificationCreated, NotificationsRemoved, type NotificationType } from '../events.js';

export interface Announcement {
  recipient_id: string;
  type: NotificationType;
  actor_id: string;
  tweet_id?: string;
}

/**
 * Appends a new stream, or does nothing if it exists already: the stream id is derived
 * from what caused it, so a redelivered source event finds its stream written and adds
 * nothing. Only the version check made before writing counts as "done"; a unique
 * violation (a concurrent writer) aborts the transaction and is rethrown, and the retry
 * then finds the stream.
 */
async function appendOnce(trx: Db, streamId: string, event: NewEvent, cause: RecordedEvent) {
  try {
    await appendToStream(trx, streamId, 0, [{ ...event, metadata: { causation_id: cause.eventId } }]);
  } catch (err) {
    if (err instanceof WrongExpectedVersion && err.actual !== undefined) return;
    throw err;
  }
}

/**
 * A cause older than this tells no one: when the notify service is first deployed on an
 * instance with history, or an import brings in events that keep their past times, the
 * reactors read old events, and a flood of notifications about last year helps nobody.
 */
export const MAX_CAUSE_AGE_MS = 7 * 24 * 3600 * 1000;

/** Accounts among `ids` the directory knows to be deleted. */
async function deletedAmong(trx: Db, ids: string[]): Promise<Set<string>> {
  const { rows } = await sql<{ id: string }>`
    select id from accounts where id = any(${ids}::text[]) and deleted`.execute(trx);
  return new Set(rows.map((r) => r.id));
}

/**
 * Tells `recipient_id` what `actor_id` did, once per cause and recipient. Nobody is told
 * of their own doing or of something long past (MAX_CAUSE_AGE_MS), and nothing goes to
 * or is about an account already deleted (one deleted later has its notifications
 * removed by NotificationsRemoved).
 */
export async function announce(trx: Db, cause: RecordedEvent, a: Announcement): Promise<void> {
  if (a.actor_id === a.recipient_id) return;
  if (Date.now() - new Date(cause.recordedAt).getTime() > MAX_CAUSE_AGE_MS) return;
  if ((await deletedAmong(trx, [a.actor_id, a.recipient_id])).size > 0) return;
  const created = newEvent(NotificationCreated, {
    notification_id: newId(),
    recipient_id: a.recipient_id,
    type: a.type,
    actor_id: a.actor_id,
    ...(a.tweet_id ? { tweet_id: a.tweet_id } : {}),
  });
  await appendOnce(trx, `notification-${cause.eventId}-${a.recipient_id}`, created, cause);
}

/** Records that the notifications about a tweet or account are gone (once per tweet or account). */
export async function withdraw(
  trx: Db,
  cause: RecordedEvent,
  gone: { tweet_id: string } | { account_id: string },
): Promise<void> {
  const [streamId, removed] =
    'tweet_id' in gone
      ? [
          `notifications-removed-tweet-${gone.tweet_id}`,
          newEvent(NotificationsRemoved, { reason: 'tweet_deleted', tweet_id: gone.tweet_id }),
        ]
      : [
          `notifications-removed-account-${gone.account_id}`,
          newEvent(NotificationsRemoved, { reason: 'account_deleted', account_id: gone.account_id }),
        ];
  await appendOnce(trx, streamId, removed, cause);
}
