import { everyShared, type Db, type EventStream } from '@starling/kit';
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
  private position: string | undefined;
  private reading = false;
  private stopReading: (() => void) | undefined;

  constructor(
    private readonly db: Db,
    private readonly everyMs: number,
    private readonly log: { warn(obj: object, msg: string): void },
  ) {}

  /** Adds `stream` of `recipientId`, which has read the feed up to `after`. */
  add(recipientId: string, stream: EventStream, after: string): () => void {
    let streams = this.byRecipient.get(recipientId);
    if (!streams) this.byRecipient.set(recipientId, (streams = new Set()));
    streams.add(stream);
    this.position ??= after;
    // Opened after its feed was read past its place: what lies between would wake it no more.
    if (BigInt(after) < BigInt(this.position)) stream.wake();
    this.stopReading ??= everyShared(this.everyMs, () => void this.read());
    return () => {
      streams.delete(stream);
      if (streams.size === 0) this.byRecipient.delete(recipientId);
      if (this.byRecipient.size > 0) return;
      this.stopReading?.();
      this.stopReading = undefined;
      this.position = undefined;
    };
  }

  private async read(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      for (;;) {
        const from = this.position;
        if (from === undefined) return;
        const { rows } = await sql<{ seq: string; recipient_id: string }>`
          select seq::text as seq, recipient_id from notification_feed
          where seq > ${from}::bigint order by seq limit ${BATCH}`.execute(this.db);
        if (rows.length === 0 || this.position !== from) return;
        for (const row of rows) for (const stream of this.byRecipient.get(row.recipient_id) ?? []) stream.wake();
        this.position = rows.at(-1)!.seq;
        if (rows.length < BATCH) return;
      }
    } catch (err) {
      this.log.warn({ err }, 'the wake-up read of the notification streams failed; it is tried again');
    } finally {
      this.reading = false;
    }
  }
}
