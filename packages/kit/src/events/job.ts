import type { RecordedEvent } from './event-store.js';

/**
 * Work done once for each event of some types, outside any transaction, by whichever
 * process takes it: converting an upload, sending an email, calling a webhook. Unlike a
 * consumer (a read model, applied in order in the transaction that moves its
 * checkpoint), a job may take seconds, touch the world outside the database, and run on
 * several replicas at once, each event going to one of them.
 *
 * Delivery is at least once: a job may be performed again for the same event (a
 * redelivery, a crash before it was acknowledged), so `perform` must be idempotent,
 * typically by checking its aggregate and appending at the version it read.
 */
export interface Job {
  /** Unique and stable: the name of its queue (its durable consumer on JetStream). */
  name: string;
  /** The service whose events it takes. */
  source: string;
  /** Event types it wants; others are passed over. */
  types: readonly string[];
  /** Does the work for one event; throws to be tried again later. */
  perform(event: RecordedEvent): Promise<void>;
  /**
   * Called instead of trying again once `attempts` tries have failed (a crash of the
   * process counts as one), so the work ends in a recorded failure rather than a loop.
   * When it returns, the event is done; when it throws, the event goes to dead letters.
   */
  gaveUp?(event: RecordedEvent, cause: unknown): Promise<void>;
  /** Tries before `gaveUp` (default: DEAD_LETTER_AFTER). */
  attempts?: number;
  /** Events performed at once by one process (default 1). */
  concurrency?: number;
}

/** The pause before trying a failed event again, after `tries` failed tries: doubling, at most 10 s. */
export const retryDelayMs = (tries: number): number => Math.min(100 * 2 ** Math.max(0, tries - 1), 10_000);

/** What a failed try said, for a log line whose `err` is another error (a `gaveUp` that failed too). */
export const failureOf = (cause: unknown): string => String((cause as Error)?.message ?? cause);
