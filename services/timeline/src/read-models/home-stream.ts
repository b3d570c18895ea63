import type { Db } from '@starling/kit';
import { sql, type RawBuilder } from 'kysely';
import { entryTweets, presentEntry, type Entry } from './timelines.js';
import type { Tweet } from './tweets.js';

/** How many buffered rows one poll reads at most; a full batch is followed by another at once. */
const BATCH = 200;

export interface StreamRow extends Omit<Entry, 'kind'> {
  seq: string;
  event_id: string;
  kind: Entry['kind'] | 'delete' | 'update';
}

/** Where a new stream starts: after everything buffered so far. */
export async function streamHead(db: Db): Promise<string> {
  const { rows } = await sql<{ seq: string }>`select coalesce(max(seq), 0)::text as seq from stream_events`.execute(db);
  return rows[0]!.seq;
}

/**
 * The buffered rows after `after` that concern `viewerId`'s home: by themselves or by an
 * account they follow now, big accounts included (whose entries are merged at read time,
 * so they are never in `home_entries`). A repost undone since is left out.
 */
export async function streamRows(db: Db, viewerId: string, after: string): Promise<StreamRow[]> {
  return bufferedRows(
    db,
    after,
    sql`(s.actor_id = ${viewerId}
         or exists (select 1 from follows f where f.follower_id = ${viewerId} and f.followee_id = s.actor_id))`,
    BATCH,
  );
}

/**
 * The buffered rows after `after` that `concern` selects, in `seq` order, at most
 * `limit`; a repost undone since is left out.
 */
export async function bufferedRows(
  db: Db,
  after: string,
  concern: RawBuilder<unknown>,
  limit: number,
): Promise<StreamRow[]> {
  const { rows } = await sql<StreamRow>`
    select s.seq::text as seq, s.event_id, s.kind, s.tweet_id, s.entry_key, s.actor_id,
           coalesce(a.username, r.username) as actor_username, coalesce(a.name, a.username, r.username) as actor_name
    from stream_events s
    left join reposts r on s.kind = 'repost' and r.repost_id = s.entry_key
    left join authors a on s.kind = 'repost' and a.id = s.actor_id
    where s.seq > ${after}::bigint
      and ${concern}
      and (s.kind <> 'repost' or r.repost_id is not null)
    order by s.seq
    limit ${limit}`.execute(db);
  return rows;
}

export interface SseWriter {
  write(chunk: string): void;
}

/**
 * One poll: writes the events after `after` and returns the new position. Every event
 * carries its buffer `seq` as `id:`, which a reconnecting client sends back as
 * `Last-Event-ID`. A tweet gone before it could be shown is not announced (its deletion
 * follows); a deletion concerning several accounts the viewer follows is sent once.
 */
export async function pollOnce(
  db: Db,
  viewerId: string,
  after: string,
  out: SseWriter,
  sent: Set<string>,
): Promise<{ after: string; full: boolean }> {
  const rows = await streamRows(db, viewerId, after);
  if (rows.length === 0) return { after, full: false };
  const tweets = await entryTweets(db, rows.filter((r) => r.kind !== 'delete') as Entry[], viewerId);
  for (const row of rows) {
    if (!firstTime(sent, row.event_id)) continue;
    const chunk = eventChunk(row, tweets.get(row.tweet_id));
    if (chunk) out.write(chunk);
  }
  return { after: rows.at(-1)!.seq, full: rows.length === BATCH };
}

/** Whether `eventId` is new to the stream that remembers `sent` (the last thousand it sent). */
export function firstTime(sent: Set<string>, eventId: string): boolean {
  if (sent.has(eventId)) return false;
  sent.add(eventId);
  if (sent.size > 1000) sent.delete(sent.values().next().value!);
  return true;
}

/**
 * A buffered row as the SSE event a viewer gets, with `tweet` as that viewer sees it;
 * undefined for a tweet gone before it could be shown (its deletion follows).
 */
export function eventChunk(row: StreamRow, tweet: Tweet | undefined): string | undefined {
  if (row.kind === 'delete') return `event: delete\nid: ${row.seq}\ndata: ${JSON.stringify({ id: row.tweet_id })}\n\n`;
  if (row.kind === 'update') return tweet && `event: update\nid: ${row.seq}\ndata: ${JSON.stringify(tweet)}\n\n`;
  const shown = presentEntry(tweet, row as Entry);
  return shown && `event: tweet\nid: ${row.seq}\ndata: ${JSON.stringify(shown)}\n\n`;
}
