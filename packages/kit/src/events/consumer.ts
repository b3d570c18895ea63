import type { Db } from '../db/storage.js';
import type { Checkpoint, RecordedEvent } from './event-store.js';
import type { Job } from './job.js';
import { tracedConsumption } from '../tracing/bus.js';

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
   * Optional: applies several events at once, in log order and all of this consumer's
   * types, with exactly the effect of `handle` on each in turn, in fewer statements (one
   * set-based statement for a run of posts rather than several per post). The buses
   * use it for every batch they read; when it fails, the durable consumer goes back to
   * `handle`, one event at a time, to find the event at fault.
   */
  handleBatch?(events: RecordedEvent[], trx: Db): Promise<void>;
  /**
   * Set for a consumer that keeps this process's memory current (revoked tokens):
   * every process applies every event, from events recorded since `since()`, with no
   * durable checkpoint. Without it, one process at a time applies each event once.
   */
  everyProcess?: { since(): Date };
  /**
   * Set for a consumer that a write never waits for: work too large to do before the
   * answer (a post into every follower's home), whose read model is read together with
   * what the waited-for consumers have already written, so no reader misses a write
   * while it catches up. `drain` still waits for it.
   */
  background?: boolean;
  /**
   * The name of a consumer of the same source and service that this one never passes:
   * it takes up what that one writes (the home fan-out, the entries `timeline.tweets`
   * leaves pending), so it waits where that one has not been yet.
   */
  after?: string;
}

/**
 * Applies events (in log order, already of the consumer's types) through `handleBatch`
 * when it has one, in spans of the traces the events came with.
 */
export async function applyEvents(consumer: Consumer, events: RecordedEvent[], trx: Db): Promise<void> {
  if (consumer.handleBatch && events.length > 1) {
    return tracedConsumption(consumer.name, events, () => consumer.handleBatch!(events, trx));
  }
  for (const event of events) await applyEvent(consumer, event, trx);
}

/** Applies one event, in a span of the trace it came with. */
export const applyEvent = (consumer: Consumer, event: RecordedEvent, trx: Db): Promise<void> =>
  tracedConsumption(consumer.name, [event], () => consumer.handle(event, trx));

/**
 * A `handleBatch` that hands each run of consecutive events whose types are in `types`
 * to `batch` (which may apply them in any order that has the same effect), and every
 * other event to the consumer's own `handle`, keeping log order between runs and the rest.
 */
export function batchingRuns(types: readonly string[], batch: (run: RecordedEvent[], trx: Db) => Promise<void>) {
  return async function handleBatch(this: Consumer, events: RecordedEvent[], trx: Db): Promise<void> {
    await inRuns(
      events,
      types,
      (run) => batch(run, trx),
      (event) => this.handle(event, trx),
    );
  };
}

async function inRuns(
  events: RecordedEvent[],
  batched: readonly string[],
  batch: (run: RecordedEvent[]) => Promise<void>,
  one: (event: RecordedEvent) => Promise<void>,
): Promise<void> {
  let run: RecordedEvent[] = [];
  for (const event of events) {
    if (batched.includes(event.type)) {
      run.push(event);
      continue;
    }
    if (run.length) await batch(run);
    run = [];
    await one(event);
  }
  if (run.length) await batch(run);
}

/** A consumer that owns read-model tables, which `projections rebuild` empties and refills. */
export interface Projection extends Consumer {
  tables: readonly string[];
  /** Optional: work this projection can put off while a great many events are applied at once. */
  deferrable?: DeferrableWork;
}

/**
 * Work that costs far less done once, set-based, after a bulk catch-up (a seed, a
 * rebuild) than event by event during it: the timeline's home fan-out, for one, writes
 * each tweet into every follower's home and trims them, where a rebuild writes each
 * home once. Several projections may share one (`deferAll` begins and finishes it once).
 * Deferring is this process's state: other processes applying events meanwhile do the
 * work as usual, and `finish` redoes it from the tables, whoever applied the events. If
 * the process dies before `finish`, the work is missing until a `projections rebuild`.
 */
export interface DeferrableWork {
  /** What the work is, for progress lines ("home timelines"). */
  label: string;
  /** From now on, skip the work in this process. */
  defer(): void;
  /** Does the work for the tables as they are now, and stops deferring. */
  finish(db: Db, progress?: (done: number, total: number) => void): Promise<void>;
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
  /**
   * Runs a job in this process (see `Job`): `db` is the owning service's database, `owner`
   * that service; as with `subscribe`, events from any other source arrive without
   * private fields.
   */
  runJob(job: Job, db: Db, owner: string): void;
  /** Something was appended: wake the consumers now rather than at their next poll. */
  notify(): void;
  /**
   * Resolves once every consumer, and every job this process runs (unless `jobs` is
   * false), has processed every event committed before the call.
   */
  drain(options?: { jobs?: boolean }): Promise<void>;
  /**
   * Called after a write to `source` committed (`mark`: its last event, if it appended
   * any): resolves once the read models show it, or once waiting longer is pointless.
   * Never waits for jobs: a request does not wait for the work its events start.
   */
  settle(source: string, mark: Checkpoint | undefined): Promise<void>;
  /**
   * True when `settle` waits for the `mark` it is given (a bus between processes waits
   * for that event to be relayed and consumed): a write then looks up its last appended
   * event before it commits. Others wait for their consumers and need no mark.
   */
  readonly settlesOnMark?: boolean;
  /** Optional: publishes a service's outbox to the other processes (run by every process of the service). */
  relay?(source: string, db: Db): void;
  /** The checkpoints were moved back (a rebuild): forget where this process last saw them. */
  forgetCheckpoints(): void;
  /**
   * A number that moves whenever this process's consumers commit a batch or their
   * checkpoints are moved back. Where this process alone writes the read models
   * (embedded PGlite), an unchanged number means unchanged read models.
   */
  applied(): number;
  /** Events each consumer and job has yet to process. */
  lag(): Promise<Array<{ consumer: string; lag: number }>>;
  start(): void;
  stop(): Promise<void>;
}
