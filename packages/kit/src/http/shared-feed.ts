import { everyShared } from './shared-timer.js';

export interface SharedFeedOptions<Row extends { seq: string }> {
  /** How often the feed is read while anyone listens. */
  everyMs: number;
  /** The most rows one read takes; a full read is followed by another at once. */
  batch: number;
  /** The rows after `from` (a bigint `seq`, as text), in `seq` order, at most `limit`. */
  page(from: string, limit: number): Promise<Row[]>;
  /** Hands the rows after `from`, up to and including `to`, to whom they concern. */
  deliver(rows: Row[], from: string, to: string): Promise<void> | void;
  /** A read failed; the next one tries again from the same place. */
  failed(err: unknown): void;
}

/**
 * One read of a feed (a table ordered by a bigint `seq`) every `everyMs` for all the
 * streams of a process, rather than one per stream: the notification streams' wake-ups,
 * the home streams' buffer. It reads only while someone listens, starting where the
 * first of them had read to; a read that finds the place moved meanwhile (the last
 * listener left and another came) hands out nothing.
 */
export class SharedFeed<Row extends { seq: string }> {
  /** The last `seq` handed out; undefined while nobody listens. */
  private position: string | undefined;
  private reading = false;
  private stopReading: (() => void) | undefined;

  constructor(private readonly options: SharedFeedOptions<Row>) {}

  /**
   * A listener that has read up to `after` joins. True when the feed has already been
   * handed out past that place: what lies between will not come this way, and the
   * listener must catch up by itself.
   */
  join(after: string): boolean {
    this.position ??= after;
    this.stopReading ??= everyShared(this.options.everyMs, () => void this.read());
    return BigInt(after) < BigInt(this.position);
  }

  /** The last listener left: the reading stops, and starts afresh with the next one. */
  stop(): void {
    this.stopReading?.();
    this.stopReading = undefined;
    this.position = undefined;
  }

  private async read(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    const { batch, page, deliver, failed } = this.options;
    try {
      for (;;) {
        const from = this.position;
        if (from === undefined) return;
        const rows = await page(from, batch);
        if (rows.length === 0 || this.position !== from) return;
        const to = rows.at(-1)!.seq;
        await deliver(rows, from, to);
        if (this.position === from) this.position = to;
        if (rows.length < batch) return;
      }
    } catch (err) {
      failed(err);
    } finally {
      this.reading = false;
    }
  }
}
