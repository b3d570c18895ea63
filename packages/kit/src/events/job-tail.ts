import { publicData } from '@starling/events';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../db/storage.js';
import { CatchUp } from './catch-up.js';
import { checkpointLag, lockCheckpoint, saveCheckpoint } from './checkpoints.js';
import {
  compareCheckpoints,
  headPosition,
  readAfter,
  START,
  type Checkpoint,
  type RecordedEvent,
} from './event-store.js';
import { failureOf, retryDelayMs, type Job } from './job.js';
import { tracedConsumption } from '../tracing/bus.js';

const BATCH = 500;
/** How long a process may hold a job's next event before another may take it (a crash frees it then). */
const LEASE_MS = 30_000;
const RENEW_MS = LEASE_MS / 3;
/** How long `stop` waits for a perform in flight; its event is left to whoever comes next. */
const STOP_WAIT_MS = 10_000;

/** The taken event, or nothing to perform (`passed` events of other types were passed over, or another process holds the lease). */
type Claim = { event: RecordedEvent } | { event?: undefined; passed: number; at: Checkpoint };

/**
 * A job on the embedded bus: a tail of its source's outbox, like a consumer, whose
 * checkpoint (in consumer_checkpoints, under the job's name) moves once each event is
 * performed or given up. `perform` runs outside any transaction: on PGlite a transaction
 * holds the only connection, and every request would wait for the work.
 *
 * One process at a time takes an event when several share a database: taking it writes
 * a lease row (`<name>#lease`, its `updated_at` the lease's end) while the checkpoint row
 * is locked, a short transaction; the lease is renewed while the work goes on and freed
 * after the checkpoint moves. A crashed process's lease runs out after LEASE_MS.
 *
 * Events are performed one at a time, in log order: `concurrency` is for the buses that
 * share a queue between replicas, and is ignored here.
 */
export class JobTail {
  private readonly runs = new CatchUp(() => this.next().catch((err: unknown) => this.failed(err)));
  private failures = 0;
  /** The checkpoint as this process last saw it; only ever behind the real one. */
  private known: Checkpoint = START;
  private readonly stopping = new AbortController();
  private readonly attempts: number;

  constructor(
    readonly job: Job,
    readonly db: Db,
    private readonly log: Logger,
    /** Another service's events: they lose their private fields first. */
    private readonly foreign: boolean,
    defaultAttempts: number,
  ) {
    this.attempts = job.attempts ?? defaultAttempts;
  }

  get name(): string {
    return this.job.name;
  }

  get source(): string {
    return this.job.source;
  }

  private get lease(): string {
    return `${this.job.name}#lease`;
  }

  catchUp(): Promise<number> {
    return this.runs.run();
  }

  mayBeBehind(head: Checkpoint | undefined): boolean {
    return head !== undefined && compareCheckpoints(head, this.known) > 0;
  }

  /** The committed checkpoint, read elsewhere: where this process last saw it moves up to it, never back. */
  learnCheckpoint(at: Checkpoint): void {
    if (compareCheckpoints(at, this.known) > 0) this.known = at;
  }

  forgetCheckpoint(): void {
    this.known = START;
  }

  idle(): Promise<void> {
    return this.runs.idle();
  }

  /** Ends the tries in progress (the event stays for the next process) and waits for the run. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.race([this.idle(), sleep(STOP_WAIT_MS, undefined, { ref: false })]);
  }

  async lag(): Promise<number> {
    return checkpointLag(this.db, this.job.name, await headPosition(this.db, this.job.source));
  }

  private failed(err: unknown): never {
    this.failures += 1;
    // Logged once per streak so a stuck job is visible without flooding the log.
    if (this.failures === 1 || this.failures % 100 === 0) {
      this.log.error(
        { err, job: this.job.name, failures: this.failures },
        'job could not take its next event; will retry',
      );
    }
    throw err;
  }

  /** Takes, performs and passes the next event of the job's types; says how many events it passed. */
  private async next(): Promise<number> {
    if (this.stopping.signal.aborted) return 0;
    // Peek outside a transaction first: an idle poll then costs one read, not a write.
    if ((await readAfter(this.db, this.job.source, this.known, 1)).length === 0) return 0;
    const claim = await this.claim();
    this.failures = 0;
    if (!claim.event) {
      this.known = claim.at;
      return claim.passed;
    }
    const renewing = setInterval(() => void this.renew(claim.event).catch(() => {}), RENEW_MS);
    try {
      const done = await this.tryUntilDone(claim.event);
      if (!done) return 0;
      await this.pass(claim.event);
      return 1;
    } finally {
      clearInterval(renewing);
      await this.release().catch((err: unknown) => this.log.warn({ err, job: this.job.name }, 'job lease not freed'));
    }
  }

  /**
   * In one short transaction holding the checkpoint row: passes over events of other
   * types and leases the first one of the job's, unless another process holds the lease.
   */
  private claim(): Promise<Claim> {
    const { name, source, types } = this.job;
    return this.db.transaction().execute(async (trx): Promise<Claim> => {
      const from = await lockCheckpoint(trx, name);
      await sql`insert into consumer_checkpoints (consumer, tx_id, position, updated_at)
                values (${this.lease}, '0', 0, '-infinity') on conflict do nothing`.execute(trx);
      const { rows } = await sql<{ held: boolean }>`
        select updated_at > clock_timestamp() as held from consumer_checkpoints
        where consumer = ${this.lease} for update`.execute(trx);
      if (rows[0]?.held) return { passed: 0, at: this.known };
      const events = await readAfter(trx, source, from, BATCH);
      const i = events.findIndex((e) => types.includes(e.type));
      const passed = i === -1 ? events.at(-1) : events[i - 1];
      if (passed) await saveCheckpoint(trx, name, passed);
      if (i === -1) return { passed: events.length, at: passed ?? from };
      await sql`update consumer_checkpoints
                set tx_id = ${events[i]!.txId}::xid8, position = ${events[i]!.position},
                    updated_at = clock_timestamp() + ${`${LEASE_MS} milliseconds`}::interval
                where consumer = ${this.lease}`.execute(trx);
      return { event: events[i]! };
    });
  }

  /**
   * Performs the event, trying again after a growing pause, until it succeeds or
   * `attempts` tries have failed, when `gaveUp` is told. False when the process stops first.
   */
  private async tryUntilDone(recorded: RecordedEvent): Promise<boolean> {
    const event = this.foreign ? { ...recorded, data: publicData(recorded.type, recorded.data) } : recorded;
    const about = { job: this.job.name, event: event.eventId, type: event.type };
    for (let tries = 1; ; tries++) {
      try {
        await tracedConsumption(this.job.name, [event], () => this.job.perform(event));
        return true;
      } catch (cause) {
        if (tries >= this.attempts) {
          await this.giveUp(event, cause, tries);
          return true;
        }
        this.log.warn({ ...about, err: cause, attempt: tries }, 'job failed on an event; it will be tried again');
        const slept = await sleep(retryDelayMs(tries), true, { signal: this.stopping.signal }).catch(() => false);
        if (!slept) return false;
      }
    }
  }

  private async giveUp(event: RecordedEvent, cause: unknown, tries: number): Promise<void> {
    const about = { job: this.job.name, event: event.eventId, type: event.type, attempts: tries };
    if (!this.job.gaveUp) {
      this.log.error({ ...about, err: cause }, `job gave up on an event after ${tries} tries`);
      return;
    }
    this.log.warn({ ...about, err: cause }, `job gave up on an event after ${tries} tries`);
    try {
      await this.job.gaveUp(event, cause);
    } catch (err) {
      this.log.error(
        { ...about, err, failure: failureOf(cause) },
        'job gave up on an event and recording it failed too; moving on',
      );
    }
  }

  /** Moves the checkpoint past a performed event (never back: another process may have gone further). */
  private async pass(event: RecordedEvent): Promise<void> {
    const at = { txId: event.txId, position: event.position };
    await this.db.transaction().execute(async (trx) => {
      const current = await lockCheckpoint(trx, this.job.name);
      if (compareCheckpoints(at, current) > 0) await saveCheckpoint(trx, this.job.name, at);
    });
    this.known = at;
  }

  /** Extends the lease on `event`; a renewal that lands after the lease was freed finds no row. */
  private async renew(event: RecordedEvent): Promise<void> {
    await sql`update consumer_checkpoints
              set updated_at = clock_timestamp() + ${`${LEASE_MS} milliseconds`}::interval
              where consumer = ${this.lease} and position = ${event.position}`.execute(this.db);
  }

  private async release(): Promise<void> {
    await sql`update consumer_checkpoints set tx_id = '0', position = 0, updated_at = '-infinity'
              where consumer = ${this.lease}`.execute(this.db);
  }
}
