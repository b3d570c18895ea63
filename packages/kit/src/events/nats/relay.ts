import { headers } from '@nats-io/nats-core';
import { publicData } from '@starling/events';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../../db/storage.js';
import { CatchUp } from '../catch-up.js';
import { headPosition, readAfter, START, type Checkpoint } from '../event-store.js';
import type { NatsLink } from './connection.js';
import { checkpointOf, encodeMessage } from './message.js';
import type { BusMetrics } from './metrics.js';
import { tracedPublish } from '../../tracing/bus.js';

const BATCH = 500;
/** The relay's progress is a row of consumer_checkpoints, in the service's own schema. */
export const RELAY_CHECKPOINT = 'bus.relay';

/**
 * Publishes a service's outbox (its events table) to its JetStream stream, in commit
 * order, with the event id as `Nats-Msg-Id` so JetStream drops a copy it already has.
 *
 * At least once: events are published first and the checkpoint moves after, in the
 * same transaction; a relay that dies in between publishes them again on restart and
 * JetStream (or, past its two-minute window, the consumer's checkpoint) drops the copies.
 *
 * One relay per service is active at a time, whatever the number of replicas: each
 * batch takes a transaction-level advisory lock, and a replica that cannot get it
 * leaves the batch to the one that did. An advisory lock takes no transaction id, so
 * a relay waiting on NATS never holds back the readers of any events table.
 */
export class OutboxRelay {
  private readonly runs = new CatchUp(() => this.batch());
  private failures = 0;
  /** The relay's checkpoint as this process last saw it; only ever behind the real one. */
  private known: Checkpoint = START;

  constructor(
    private readonly link: NatsLink,
    readonly db: Db,
    readonly source: string,
    private readonly log: Logger,
    private readonly metrics: BusMetrics,
  ) {}

  /** Relays everything committed so far; a call during a run extends it by one more pass. */
  catchUp(): Promise<number> {
    return this.runs.run();
  }

  idle(): Promise<void> {
    return this.runs.idle();
  }

  private async batch(): Promise<number | { handled: number; more: boolean }> {
    // While NATS is away the outbox simply grows; nothing is lost, nothing to retry yet.
    if (!this.link.connected) return 0;
    try {
      // Peek outside a transaction first: the relay is woken after every batch of every
      // consumer, and an idle wake-up then costs one read, not a transaction of four.
      if ((await readAfter(this.db, this.source, this.known, 1)).length === 0) return 0;
      const stream = await this.link.ensureSourceStream(this.source);
      // How many were published, where the checkpoint then stands, and whether the read was full.
      const run = await this.db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ locked: boolean }>`
          select pg_try_advisory_xact_lock(hashtext(${`starling.relay.${this.source}`})) as locked`.execute(trx);
        if (!rows[0]?.locked) return { count: 0, full: false };
        const from = await relayCheckpoint(trx);
        const events = await readAfter(trx, this.source, from, BATCH);
        const full = events.length === BATCH;
        if (events.length === 0) return { count: 0, at: from, full };
        // Sent back to back on one connection, so JetStream stores them in this order.
        const sent = events.map((event, i) => {
          const prev = i === 0 ? from : checkpointOf(events[i - 1]!);
          const h = headers();
          h.set('Starling-Event-Type', event.type);
          const message = encodeMessage({ ...event, data: publicData(event.type, event.data) }, prev);
          const subject = this.link.names.subject(this.source, event.type);
          // In the trace the event was recorded in, whose context the headers then carry.
          return tracedPublish(event, subject, h, () =>
            this.link.js.publish(subject, message, { msgID: event.eventId, headers: h }),
          );
        });
        const acks = await Promise.allSettled(sent);
        // Only an unbroken run of published events moves the checkpoint; the rest go again.
        const published = acks.findIndex((a) => a.status === 'rejected');
        const count = published === -1 ? events.length : published;
        if (count < events.length) {
          const failed = acks[count] as PromiseRejectedResult;
          this.log.warn({ err: failed.reason, source: this.source, stream }, 'publishing to NATS failed; will retry');
        }
        if (count === 0) return { count: 0, at: from, full };
        const last = checkpointOf(events[count - 1]!);
        await sql`insert into consumer_checkpoints (consumer, tx_id, position)
                  values (${RELAY_CHECKPOINT}, ${last.txId}::xid8, ${last.position})
                  on conflict (consumer) do update
                  set tx_id = excluded.tx_id, position = excluded.position, updated_at = now()`.execute(trx);
        this.metrics.relayed.inc({ source: this.source }, count);
        return { count, at: last, full };
      });
      if (run.at) this.known = run.at;
      this.failures = 0;
      // A short read published all there was; a failed publish (count short) is tried at the next wake-up.
      return { handled: run.count, more: run.full };
    } catch (err) {
      this.failures += 1;
      if (this.failures === 1 || this.failures % 100 === 0) {
        this.log.error({ err, source: this.source, failures: this.failures }, 'relay batch failed; will retry');
      }
      return 0;
    }
  }

  /** Where the relay stands: everything up to and including it is published. */
  checkpoint(): Promise<Checkpoint> {
    return relayCheckpoint(this.db);
  }

  /** Events committed but not yet published. */
  async lag(): Promise<number> {
    const head = await headPosition(this.db, this.source);
    const { rows } = await sql<{ position: number }>`
      select position from consumer_checkpoints where consumer = ${RELAY_CHECKPOINT}`.execute(this.db);
    return Math.max(0, head - Number(rows[0]?.position ?? 0));
  }
}

async function relayCheckpoint(trx: Db): Promise<Checkpoint> {
  const { rows } = await sql<{ tx_id: string; position: number }>`
    select tx_id::text as tx_id, position from consumer_checkpoints where consumer = ${RELAY_CHECKPOINT}`.execute(trx);
  return rows[0] ? { txId: rows[0].tx_id, position: Number(rows[0].position) } : START;
}
