import type { Db, RecordedEvent } from '@starling/kit';
import { sql } from 'kysely';

/**
 * The live streams' delivery buffer (`stream_events`), not a read model: rebuilds leave it
 * alone. An event older than this is not buffered (a replay must not re-announce the
 * past), and rows older than this, or beyond the newest `MAX_ROWS`, are pruned. A client
 * away for longer reloads its timeline instead of resuming (docs/timelines.md).
 */
export const STREAM_BUFFER_MAX_AGE_SECONDS = 3600;
export const STREAM_BUFFER_MAX_ROWS = 100_000;
/** Pruning runs once in this many buffered rows. */
const PRUNE_EVERY = 100;

export interface Arrival {
  /** `update`: a tweet already shown changed how it looks (its pictures are ready). */
  kind: 'tweet' | 'repost' | 'delete' | 'update';
  tweetId: string;
  entryKey: string;
  /** The accounts whose followers (and themselves) see it. */
  actorIds: string[];
}

/**
 * Buffers what the home streams announce. Two projections write here (tweets, and
 * attachments for updates), each taking the buffer's lock first and holding it to
 * commit, so `seq` follows commit order and a stream that has read up to some `seq`
 * never later finds a smaller one committed. Arrivals are numbered in the order given,
 * which is log order.
 */
export async function bufferArrivals(trx: Db, arrivals: Array<{ event: RecordedEvent; arrival: Arrival }>) {
  const fresh = Date.now() - STREAM_BUFFER_MAX_AGE_SECONDS * 1000;
  const rows = arrivals
    .filter(({ event }) => new Date(event.recordedAt).getTime() >= fresh)
    .flatMap(({ event, arrival: a }) =>
      [...new Set(a.actorIds)].map((actor) => [event.eventId, actor, a.kind, a.tweetId, a.entryKey]),
    );
  if (rows.length === 0) return;
  await sql`select pg_advisory_xact_lock(hashtext('stream_events'))`.execute(trx);
  const column = (i: number) => rows.map((r) => r[i]!);
  const { rows: inserted } = await sql<{ seq: string }>`
    insert into stream_events (event_id, actor_id, kind, tweet_id, entry_key)
    select a.event_id, a.actor_id, a.kind, a.tweet_id, a.entry_key
    from unnest(${column(0)}::text[], ${column(1)}::text[], ${column(2)}::text[], ${column(3)}::text[],
                ${column(4)}::text[]) with ordinality as a(event_id, actor_id, kind, tweet_id, entry_key, n)
    order by a.n
    on conflict (event_id, actor_id) do nothing
    returning seq::text as seq`.execute(trx);
  // Pruning runs when the numbers just given reach a multiple of PRUNE_EVERY.
  if (inserted.some((r) => Number(r.seq) % PRUNE_EVERY === 0)) {
    await sql`
      delete from stream_events
      where buffered_at < now() - make_interval(secs => ${STREAM_BUFFER_MAX_AGE_SECONDS})
         or seq <= (select max(seq) from stream_events) - ${STREAM_BUFFER_MAX_ROWS}`.execute(trx);
  }
}

/** One arrival: see bufferArrivals. */
export function bufferArrival(trx: Db, event: RecordedEvent, arrival: Arrival): Promise<void> {
  return bufferArrivals(trx, [{ event, arrival }]);
}
