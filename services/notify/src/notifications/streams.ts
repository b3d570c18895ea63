import { SharedFeed, type Db, type EventStream } from '@starling/kit';
import { sql } from 'kysely';

/** How many feed rows one wake-up read takes at once; a full batch is followed by another at once. */
const BATCH = 1_000;

/**
 * The notification streams this process serves, and what wakes them: one read of the
 * feed every STREAM_POLL_MS for all of them (the database, so notifications projected by
 * any process count) says whose feed grew, and only those recipients' streams poll.
 */
export class NotificationStreams {
  private readonly byRecipient = new Map<string, Set<EventStream>>();
  private readonly feed: SharedFeed<{ seq: string; recipient_id: string }>;

  constructor(db: Db, everyMs: number, log: { warn(obj: object, msg: string): void }) {
    this.feed = new SharedFeed({
      everyMs,
      batch: BATCH,
      page: async (from, limit) =>
        (
          await sql<{ seq: string; recipient_id: string }>`
            select seq::text as seq, recipient_id from notification_feed
            where seq > ${from}::bigint order by seq limit ${limit}`.execute(db)
        ).rows,
      deliver: (rows) => {
        for (const row of rows) for (const stream of this.byRecipient.get(row.recipient_id) ?? []) stream.wake();
      },
      failed: (err) => log.warn({ err }, 'the wake-up read of the notification streams failed; it is tried again'),
    });
  }

  /** Adds `stream` of `recipientId`, which has read the feed up to `after`. */
  add(recipientId: string, stream: EventStream, after: string): () => void {
    let streams = this.byRecipient.get(recipientId);
    if (!streams) this.byRecipient.set(recipientId, (streams = new Set()));
    streams.add(stream);
    // Opened after its feed was read past its place: what lies between would wake it no more.
    if (this.feed.join(after)) stream.wake();
    return () => {
      streams.delete(stream);
      if (streams.size === 0) this.byRecipient.delete(recipientId);
      if (this.byRecipient.size === 0) this.feed.stop();
    };
  }
}
