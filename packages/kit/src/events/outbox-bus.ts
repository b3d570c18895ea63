import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/storage.js';
import type { Consumer, EventBus } from './consumer.js';
import { headPosition, readAfter, START, type Checkpoint } from './event-store.js';

const BATCH = 500;

/**
 * The embedded event bus: each consumer tails its source's outbox (the events table)
 * from a durable checkpoint. A batch of events and the checkpoint that passes them
 * commit in one transaction, so a crash can neither lose nor repeat an effect. The
 * checkpoint row is locked for the batch, so two processes never run one consumer at once.
 */
export class OutboxTailBus implements EventBus {
  private readonly runners: ConsumerRunner[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly log: Logger,
    private readonly pollMs = 500,
  ) {}

  subscribe(consumer: Consumer, db: Db): void {
    this.runners.push(new ConsumerRunner(consumer, db, this.log));
  }

  notify(): void {
    for (const runner of this.runners) runner.catchUp().catch(() => {});
  }

  async drain(): Promise<void> {
    // Reactors append events that other consumers then need: repeat until quiet.
    for (;;) {
      const processed = await Promise.all(this.runners.map((r) => r.catchUp()));
      if (processed.every((n) => n === 0)) return;
    }
  }

  async lag() {
    return Promise.all(this.runners.map(async (r) => ({ consumer: r.consumer.name, lag: await r.lag() })));
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
    await Promise.allSettled(this.runners.map((r) => r.idle()));
  }
}

class ConsumerRunner {
  private running: Promise<number> | undefined;
  private again = false;
  private failures = 0;

  constructor(
    readonly consumer: Consumer,
    private readonly db: Db,
    private readonly log: Logger,
  ) {}

  /** Runs until caught up; a call during a run extends that run by one more full pass. */
  catchUp(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = undefined));
    return this.running;
  }

  async idle(): Promise<void> {
    await this.running?.catch(() => {});
  }

  private async loop(): Promise<number> {
    let total = 0;
    do {
      this.again = false;
      for (;;) {
        const n = await this.batch();
        total += n;
        if (n === 0) break;
      }
    } while (this.again);
    return total;
  }

  private async batch(): Promise<number> {
    const { name, source, types } = this.consumer;
    try {
      const n = await this.db.transaction().execute(async (trx) => {
        await sql`insert into consumer_checkpoints (consumer, tx_id, position)
                  values (${name}, '0', 0) on conflict do nothing`.execute(trx);
        const { rows } = await sql<{ tx_id: string; position: number }>`
          select tx_id::text as tx_id, position from consumer_checkpoints
          where consumer = ${name} for update`.execute(trx);
        const from: Checkpoint = rows[0] ? { txId: rows[0].tx_id, position: Number(rows[0].position) } : START;
        // Unwanted types are read and passed over, so the checkpoint (and the lag) moves past them.
        const events = await readAfter(trx, source, from, BATCH);
        for (const event of events) {
          if (types.includes(event.type)) await this.consumer.handle(event, trx);
        }
        const last = events.at(-1);
        if (last) {
          await sql`update consumer_checkpoints
                    set tx_id = ${last.txId}::xid8, position = ${last.position}, updated_at = now()
                    where consumer = ${name}`.execute(trx);
        }
        return events.length;
      });
      this.failures = 0;
      return n;
    } catch (err) {
      this.failures += 1;
      // Logged once per streak so a stuck consumer is visible without flooding the log.
      if (this.failures === 1 || this.failures % 100 === 0) {
        this.log.error({ err, consumer: name, failures: this.failures }, 'consumer batch failed; will retry');
      }
      throw err;
    }
  }

  async lag(): Promise<number> {
    const head = await headPosition(this.db, this.consumer.source);
    const { rows } = await sql<{ position: number }>`
      select position from consumer_checkpoints where consumer = ${this.consumer.name}`.execute(this.db);
    return Math.max(0, head - Number(rows[0]?.position ?? 0));
  }
}
