import { SharedFeed, type Db, type EventStream } from '@starling/kit';
import { sql } from 'kysely';
import { bufferedRows, eventChunk, firstTime, streamHead, type StreamRow } from './home-stream.js';
import { entryTweets, type Entry } from './timelines.js';
import type { Tweet } from './tweets.js';

/** How many buffered rows the shared read takes at once; a full batch is followed by another at once. */
const SHARED_BATCH = 500;

/** One open home stream: whose home it shows and how far it has read the buffer. */
export interface HomeListener {
  viewerId: string;
  /** The last buffer `seq` the stream has looked at (sent, or found not its concern). */
  after: string;
  /** The events sent lately, so an event read twice (shared read and own poll) is sent once. */
  sent: Set<string>;
  stream: EventStream;
}

const later = (a: string, b: string) => (BigInt(a) >= BigInt(b) ? a : b);

/**
 * The home streams this process serves, fed by one read of the buffer every
 * STREAM_POLL_MS for all of them: the rows since the last read, the follows of the
 * listening viewers that make a row theirs, the tweets once, and who of the viewers likes
 * or reposts them, in four queries whatever the number of streams; each stream is then
 * written from memory. The buffer is written by the tweets projection in the transaction
 * that records the pending fan-out the home read merges, so a stream shows a post as soon
 * as the home timeline would, and, being the database, whichever process or replica wrote it.
 *
 * A stream behind the shared read (it resumed with `Last-Event-ID`, or opened just
 * before a read it missed) is woken to catch up with its own poll.
 */
export class HomeStreams {
  private readonly listeners = new Set<HomeListener>();
  private readonly feed: SharedFeed<StreamRow>;
  private headRunning: Promise<string> | undefined;
  private headQueued: Promise<string> | undefined;

  constructor(
    private readonly db: Db,
    everyMs: number,
    log: { warn(obj: object, msg: string): void },
  ) {
    this.feed = new SharedFeed({
      everyMs,
      batch: SHARED_BATCH,
      page: (from, limit) => bufferedRows(db, from, sql`true`, limit),
      deliver: (rows, from, to) => this.deliver(rows, from, to),
      failed: (err) => log.warn({ err }, 'the shared read of the home streams failed; it is tried again'),
    });
  }

  add(listener: HomeListener): () => void {
    this.listeners.add(listener);
    if (this.feed.join(listener.after)) listener.stream.wake();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.feed.stop();
    };
  }

  /**
   * Where a new stream starts: the buffer's newest `seq`. Streams opened together share
   * one read, but never one that began before they asked (which could miss a post
   * their client saw answered before opening the stream).
   */
  head(): Promise<string> {
    if (!this.headRunning) {
      this.headRunning = streamHead(this.db).finally(() => (this.headRunning = undefined));
      return this.headRunning;
    }
    this.headQueued ??= this.headRunning
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.headQueued = undefined;
        return this.head();
      });
    return this.headQueued;
  }

  private async deliver(rows: StreamRow[], from: string, to: string): Promise<void> {
    const fromN = BigInt(from);
    const ready: HomeListener[] = [];
    for (const l of this.listeners) {
      if (!l.stream.open) continue;
      // Behind the shared read: rows between its place and this batch are not here.
      if (BigInt(l.after) < fromN) l.stream.wake();
      else ready.push(l);
    }
    if (ready.length === 0) return;
    const viewers = [...new Set(ready.map((l) => l.viewerId))];
    const actors = [...new Set(rows.map((r) => r.actor_id))];
    const tweetRows = rows.filter((r) => r.kind !== 'delete') as Entry[];
    const [follows, tweets, flags] = await Promise.all([
      this.followsAmong(viewers, actors),
      entryTweets(this.db, tweetRows),
      this.viewerFlags(viewers, [...new Set(tweetRows.map((r) => r.tweet_id))]),
    ]);

    // The same event for the same viewer is one text, however many of their streams are open.
    const chunks = new Map<string, string | undefined>();
    const chunkFor = (viewerId: string, row: StreamRow) => {
      const key = `${viewerId} ${row.seq}`;
      if (chunks.has(key)) return chunks.get(key);
      const shared = tweets.get(row.tweet_id);
      const tweet: Tweet | undefined = shared && {
        ...shared,
        liked: flags.has(`l ${viewerId} ${row.tweet_id}`),
        reposted: flags.has(`r ${viewerId} ${row.tweet_id}`),
      };
      const chunk = eventChunk(row, tweet);
      chunks.set(key, chunk);
      return chunk;
    };

    for (const l of ready) {
      const after = BigInt(l.after);
      for (const row of rows) {
        if (BigInt(row.seq) <= after) continue;
        if (row.actor_id !== l.viewerId && !follows.has(`${l.viewerId} ${row.actor_id}`)) continue;
        if (!firstTime(l.sent, row.event_id)) continue;
        const chunk = chunkFor(l.viewerId, row);
        if (chunk) l.stream.write(chunk);
      }
      l.after = later(l.after, to);
    }
  }

  /** "follower followee" for each of `viewers` who follows one of `actors` now. */
  private async followsAmong(viewers: string[], actors: string[]): Promise<Set<string>> {
    const { rows } = await sql<{ follower_id: string; followee_id: string }>`
      select follower_id, followee_id from follows
      where follower_id = any(${viewers}::text[]) and followee_id = any(${actors}::text[])`.execute(this.db);
    return new Set(rows.map((r) => `${r.follower_id} ${r.followee_id}`));
  }

  /** "l viewer tweet" for each like and "r viewer tweet" for each repost of `viewers` among `tweetIds`. */
  private async viewerFlags(viewers: string[], tweetIds: string[]): Promise<Set<string>> {
    if (tweetIds.length === 0) return new Set();
    const { rows } = await sql<{ flag: string }>`
      select 'l ' || user_id || ' ' || tweet_id as flag from likes
      where tweet_id = any(${tweetIds}::text[]) and user_id = any(${viewers}::text[])
      union all
      select 'r ' || user_id || ' ' || tweet_id from reposts
      where tweet_id = any(${tweetIds}::text[]) and user_id = any(${viewers}::text[])`.execute(this.db);
    return new Set(rows.map((r) => r.flag));
  }
}

/** Moves a stream's place forward after its own poll, never back past what the shared read gave it. */
export const advanced = later;
