import type { Db } from '../db/storage.js';
import type { Checkpoint, RecordedEvent } from './event-store.js';

/**
 * Something that reacts to events: a projection that maintains a read model, or a
 * reactor that appends events of its own. It must be idempotent, and it must do all
 * of its work through the `trx` it is given, which also advances its checkpoint.
 */
export interface Consumer {
  /** Unique and stable: the key of its checkpoint. */
  name: string;
  /** The service (schema) whose events it consumes. */
  source: string;
  /** Event types it wants; others are skipped. */
  types: readonly string[];
  handle(event: RecordedEvent, trx: Db): Promise<void>;
  /**
   * Set for a consumer that keeps this process's memory current (revoked tokens):
   * every process applies every event, from events recorded since `since()`, with no
   * durable checkpoint. Without it, one process at a time applies each event once.
   */
  everyProcess?: { since(): Date };
}

/** A consumer that owns read-model tables, which `projections rebuild` empties and refills. */
export interface Projection extends Consumer {
  tables: readonly string[];
}

export const isProjection = (c: Consumer): c is Projection => 'tables' in c;

/**
 * The event bus: consumers subscribe with the database of the service they belong to.
 * Embedded mode tails the outbox tables in-process (`OutboxTailBus`); with NATS_URL
 * set, outboxes are relayed to JetStream (`JetStreamBus`).
 */
export interface EventBus {
  /** `owner` is the consuming service: events from any other source arrive without private fields. */
  subscribe(consumer: Consumer, db: Db, owner: string): void;
  /** Something was appended: wake the consumers now rather than at their next poll. */
  notify(): void;
  /** Resolves once every consumer has processed every event committed before the call. */
  drain(): Promise<void>;
  /**
   * Called after a write to `source` committed (`mark`: its last event, if it appended
   * any): resolves once the read models show it, or once waiting longer is pointless.
   */
  settle(source: string, mark: Checkpoint | undefined): Promise<void>;
  /** The checkpoints were moved back (a rebuild): forget where this process last saw them. */
  forgetCheckpoints(): void;
  /** Events each consumer has yet to process. */
  lag(): Promise<Array<{ consumer: string; lag: number }>>;
  start(): void;
  stop(): Promise<void>;
}
