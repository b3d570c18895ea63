import { sql } from 'kysely';
import type { Logger } from 'pino';
import { databaseOf, type Db } from '../db/storage.js';
import { applyEvents, type Consumer, type EventBus } from './consumer.js';
import { publicData } from '@starling/events';
import { CatchUp, SharedRuns } from './catch-up.js';
import { JobTail } from './job-tail.js';
import type { Job } from './job.js';
import { checkpointLag, lockCheckpoint, readCheckpoint, readCheckpoints, saveCheckpoint } from './checkpoints.js';
import {
  compareCheckpoints,
  headPosition,
  readAfter,
  readHorizon,
  START,
  type Checkpoint,
  type RecordedEvent,
} from './event-store.js';

const BATCH = 500;
/** How long a drain waits for transactions begun before it (anywhere on the server) to end. */
const DRAIN_WAIT_MS = 5_000;
/** A write's events, the reactions to them and the reactions to those, with room to spare. */
const DRAIN_PASSES = 5;

/**
 * Waits until every transaction of this database that had a transaction id when this
 * was called has ended (other databases' transactions never hide its events).
 */
async function olderTransactionsEnded(db: Db, timeoutMs: number): Promise<void> {
  const { rows } = await sql<{ horizon: string }>`
    select pg_snapshot_xmax(pg_current_snapshot())::text as horizon`.execute(db);
  const horizon = rows[0]!.horizon;
  const deadline = Date.now() + timeoutMs;
  for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
    const { rows: done } = await sql<{ ended: boolean }>`
      select ${readHorizon} >= ${horizon}::xid8 as ended`.execute(db);
    if (done[0]?.ended) return;
    if (Date.now() > deadline) throw new Error(`transactions older than ${horizon} are still running`);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/**
 * The newest committed event of each log, whether or not readers may take it yet:
 * nothing after it exists. The logs are schemas of `db`'s database, read in one statement.
 */
async function newestEvents(db: Db, sources: string[]): Promise<Map<string, Checkpoint>> {
  const heads = sources.map(
    (source) => sql`(select ${source} as source, e.tx_id::text as tx_id, e.position
      from ${sql.table(`${source}.events`)} as e order by e.tx_id desc, e.position desc limit 1)`,
  );
  const { rows } = await sql<{ source: string; tx_id: string; position: number }>`${sql.join(
    heads,
    sql` union all `,
  )}`.execute(db);
  return new Map(rows.map((r) => [r.source, { txId: r.tx_id, position: Number(r.position) }]));
}

/** The tails grouped by the database their logs are in (one Storage: one group). */
function byDatabase<T extends { db: Db }>(tails: T[]): T[][] {
  const groups = new Map<object, T[]>();
  for (const tail of tails) {
    const key = databaseOf(tail.db);
    const group = groups.get(key);
    if (group) group.push(tail);
    else groups.set(key, [tail]);
  }
  return [...groups.values()];
}

/** Just before the first event recorded at or after `since`; the log's end when there is none. */
async function firstCheckpointSince(db: Db, source: string, since: Date): Promise<Checkpoint> {
  const table = sql.table(`${source}.events`);
  const first = await sql<{ tx_id: string; position: number }>`
    select e.tx_id::text as tx_id, e.position from ${table} as e where e.recorded_at >= ${since}
    order by e.tx_id, e.position limit 1`.execute(db);
  if (first.rows[0]) return { txId: first.rows[0].tx_id, position: Number(first.rows[0].position) - 1 };
  const last = await sql<{ tx_id: string; position: number }>`
    select e.tx_id::text as tx_id, e.position from ${table} as e
    order by e.tx_id desc, e.position desc limit 1`.execute(db);
  return last.rows[0] ? { txId: last.rows[0].tx_id, position: Number(last.rows[0].position) } : START;
}

/**
 * The embedded event bus: each consumer tails its source's outbox (the events table)
 * from a durable checkpoint. A batch of events and the checkpoint that passes them
 * commit in one transaction, so a crash can neither lose nor repeat an effect. The
 * checkpoint row is locked for the batch, so two processes never run one consumer at once.
 * Jobs tail the outboxes too, performing each event outside any transaction (`JobTail`).
 */
export class OutboxTailBus implements EventBus {
  private readonly runners: ConsumerRunner[] = [];
  private readonly jobs: JobTail[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly drains = new SharedRuns(() => this.drainOnce('all'));
  private readonly consumerDrains = new SharedRuns(() => this.drainOnce('consumers'));
  /**
   * What a write waits for: the consumers, never the jobs (an upload does not wait for
   * its conversion) nor the background consumers (a post does not wait for its fan-out).
   */
  private readonly settles = new SharedRuns(() => this.drainOnce('settle'));
  private batches = 0;
  /** Tails whose committed checkpoint this process has not read yet (see `learnCheckpoints`). */
  private readonly unlearned: Tail[] = [];
  private learning: Promise<void> = Promise.resolve();
  /** Moves on when the checkpoints are moved back: a read begun before then teaches nothing. */
  private rewinds = 0;

  constructor(
    private readonly log: Logger,
    private readonly pollMs = 500,
    /** A job's tries before it gives up on an event, unless it says otherwise. */
    private readonly deadLetterAfter = 5,
  ) {}

  subscribe(consumer: Consumer, db: Db, owner: string): void {
    const onCommit = () => (this.batches += 1);
    const runner = new ConsumerRunner(consumer, db, this.log, owner !== consumer.source, onCommit);
    this.runners.push(runner);
    // An every-process consumer keeps no durable checkpoint: it has none to learn.
    if (!consumer.everyProcess) this.unlearned.push(runner);
  }

  runJob(job: Job, db: Db, owner: string): void {
    const tail = new JobTail(job, db, this.log, owner !== job.source, this.deadLetterAfter);
    this.jobs.push(tail);
    this.unlearned.push(tail);
  }

  /** Which tails a drain waits for: all, the consumers (no jobs), or what a write waits for. */
  private tails(scope: DrainScope = 'all'): Tail[] {
    if (scope === 'all') return [...this.runners, ...this.jobs];
    return scope === 'consumers' ? this.runners : this.runners.filter((r) => !r.consumer.background);
  }

  notify(): void {
    this.behind(this.tails())
      .then((due) => due.forEach((tail) => tail.catchUp().catch(() => {})))
      .catch(() => {});
  }

  /**
   * The runners that may have something to read: those whose source's newest event is
   * past where they last were. One look at every log's head (one statement per
   * database), rather than a read per consumer (a process runs some forty, most of them
   * with nothing to do).
   */
  private async behind(tails: Tail[]): Promise<Tail[]> {
    await this.learnCheckpoints();
    const due = await Promise.all(
      byDatabase(tails).map(async (group) => {
        const heads = await newestEvents(group[0]!.db, [...new Set(group.map((t) => t.source))]);
        return group.filter((t) => t.mayBeBehind(heads.get(t.source)));
      }),
    );
    return due.flat();
  }

  /**
   * Before a tail's first look at its log, where its checkpoint stands: read with every
   * other checkpoint of its schema in one query. A process starting on an existing
   * data set thus finds most consumers already at their log's head, with nothing to
   * read, rather than each peeking at its log and locking its checkpoint to learn so
   * (some forty of them, one after the other, before the first answer). Should the read
   * fail, those tails learn their checkpoints as before, in their first batch.
   */
  private learnCheckpoints(): Promise<void> {
    if (this.unlearned.length === 0) return this.learning;
    const tails = this.unlearned.splice(0);
    const dbs = [...new Set(tails.map((t) => t.db))];
    this.learning = this.learning.then(async () => {
      const rewinds = this.rewinds;
      await Promise.all(
        dbs.map(async (db) => {
          const checkpoints = await readCheckpoints(db).catch(() => new Map<string, Checkpoint>());
          if (this.rewinds !== rewinds) return;
          for (const tail of tails) {
            const at = tail.db === db ? checkpoints.get(tail.name) : undefined;
            if (at) tail.learnCheckpoint(at);
          }
        }),
      );
    });
    return this.learning;
  }

  /** Concurrent calls share drains; `jobs: false` leaves the jobs out. */
  drain(options: { jobs?: boolean } = {}): Promise<void> {
    return options.jobs === false ? this.consumerDrains.run() : this.drains.run();
  }

  private async drainOnce(scope: DrainScope): Promise<void> {
    const tails = this.tails(scope);
    // An event committed before this call is readable only once every transaction older
    // than it has ended (see readAfter); until then a pass would find nothing and stop.
    await Promise.all(byDatabase(tails).map((group) => olderTransactionsEnded(group[0]!.db, DRAIN_WAIT_MS)));
    // Reactors append events that other consumers then need: repeat until quiet, or
    // until reactions this many deep are applied. Without a bound, a drain under a steady
    // stream of writes would never end (every pass finds the newer writes).
    for (let pass = 0; pass < DRAIN_PASSES; pass++) {
      const processed = await Promise.all((await this.behind(tails)).map((t) => t.catchUp()));
      if (processed.every((n) => n === 0)) return;
    }
  }

  /**
   * In one process every consumer is local: wait for them, as before the answer. Not for
   * the jobs nor the background consumers: a request never waits for work that may take seconds.
   */
  settle(): Promise<void> {
    return this.settles.run();
  }

  async lag() {
    return Promise.all(this.tails().map(async (t) => ({ consumer: t.name, lag: await t.lag() })));
  }

  forgetCheckpoints(): void {
    this.batches += 1;
    this.rewinds += 1;
    for (const tail of this.tails()) tail.forgetCheckpoint();
  }

  applied(): number {
    return this.batches;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.notify(), this.pollMs);
    this.timer.unref();
    this.notify();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.runners.map((r) => r.idle()), ...this.jobs.map((j) => j.stop())]);
  }
}

type DrainScope = 'all' | 'consumers' | 'settle';

/** What the bus tails an outbox for: a consumer or a job. */
interface Tail {
  readonly name: string;
  readonly source: string;
  readonly db: Db;
  catchUp(): Promise<number>;
  mayBeBehind(head: Checkpoint | undefined): boolean;
  /** The committed checkpoint, read elsewhere: where this process last saw it moves up to it, never back. */
  learnCheckpoint(at: Checkpoint): void;
  forgetCheckpoint(): void;
  lag(): Promise<number>;
}

class ConsumerRunner implements Tail {
  private readonly runs = new CatchUp(() => this.batch());
  private failures = 0;
  /** The checkpoint as this process last saw it; only ever behind the real one. */
  private known: Checkpoint = START;
  private started = false;

  constructor(
    readonly consumer: Consumer,
    readonly db: Db,
    private readonly log: Logger,
    private readonly foreign: boolean,
    /** Called after a batch that passed events commits. */
    private readonly onCommit: () => void,
  ) {}

  get name(): string {
    return this.consumer.name;
  }

  get source(): string {
    return this.consumer.source;
  }

  /** Hands events to the consumer, its types only; another service's events lose their private fields first. */
  private deliver(events: RecordedEvent[], trx: Db): Promise<void> {
    const wanted = events.filter((e) => this.consumer.types.includes(e.type));
    const shown = this.foreign ? wanted.map((e) => ({ ...e, data: publicData(e.type, e.data) })) : wanted;
    return applyEvents(this.consumer, shown, trx);
  }

  /** Runs until caught up; a call during a run extends that run by one more full pass. */
  catchUp(): Promise<number> {
    return this.runs.run();
  }

  /** False only when nothing after where this process last saw the checkpoint exists. */
  mayBeBehind(head: Checkpoint | undefined): boolean {
    if (this.consumer.everyProcess && !this.started) return true;
    return head !== undefined && compareCheckpoints(head, this.known) > 0;
  }

  /** Never told for an every-process consumer (see `subscribe`): it starts at `since()`. */
  learnCheckpoint(at: Checkpoint): void {
    if (compareCheckpoints(at, this.known) > 0) this.known = at;
  }

  forgetCheckpoint(): void {
    this.known = START;
  }

  idle(): Promise<void> {
    return this.runs.idle();
  }

  private async batch(): Promise<{ handled: number; more: boolean }> {
    const { name, source } = this.consumer;
    if (this.consumer.everyProcess) {
      const handled = await this.localBatch();
      return { handled, more: handled > 0 };
    }
    try {
      // Peek outside a transaction first: an idle poll then costs one read, not a write.
      if ((await readAfter(this.db, source, this.known, 1)).length === 0) return { handled: 0, more: false };
      const n = await this.db.transaction().execute(async (trx) => {
        const from = await lockCheckpoint(trx, name);
        // Unwanted types are read and passed over, so the checkpoint (and the lag) moves past them.
        const read = await readAfter(trx, source, from, BATCH);
        // Never past the consumer this one follows: the rest waits for its next run.
        const ceiling = this.consumer.after ? await readCheckpoint(trx, this.consumer.after) : undefined;
        const events = ceiling ? read.filter((e) => compareCheckpoints(e, ceiling) <= 0) : read;
        await this.deliver(events, trx);
        const last = events.at(-1);
        if (last) {
          await saveCheckpoint(trx, name, last);
        }
        // A full read may have left more behind; a short one read all there was (what
        // came since is the next pass's), and one cut at the ceiling waits for it to move.
        const more = read.length === BATCH && events.length === read.length;
        return { count: events.length, more, at: last ? { txId: last.txId, position: last.position } : from };
      });
      this.known = n.at;
      this.failures = 0;
      if (n.count > 0) this.onCommit();
      return { handled: n.count, more: n.more };
    } catch (err) {
      this.failures += 1;
      // Logged once per streak so a stuck consumer is visible without flooding the log.
      if (this.failures === 1 || this.failures % 100 === 0) {
        this.log.error({ err, consumer: name, failures: this.failures }, 'consumer batch failed; will retry');
      }
      throw err;
    }
  }

  /** An every-process consumer: in-memory checkpoint, starting at `since()` on first use. */
  private async localBatch(): Promise<number> {
    const { source, everyProcess } = this.consumer;
    if (!this.started) {
      this.known = await firstCheckpointSince(this.db, source, everyProcess!.since());
      this.started = true;
    }
    const events = await readAfter(this.db, source, this.known, BATCH);
    await this.deliver(events, this.db);
    const last = events.at(-1);
    if (last) this.known = { txId: last.txId, position: last.position };
    return events.length;
  }

  async lag(): Promise<number> {
    const head = await headPosition(this.db, this.consumer.source);
    if (this.consumer.everyProcess) return Math.max(0, head - this.known.position);
    return checkpointLag(this.db, this.consumer.name, head);
  }
}
