import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import type { Db } from '../../db/storage.js';
import { applyEvent, applyEvents, type Consumer } from '../consumer.js';
import { lockCheckpoint, readCheckpoint, saveCheckpoint } from '../checkpoints.js';
import { compareCheckpoints, type Checkpoint, type RecordedEvent } from '../event-store.js';
import { isNotFound, type NatsLink } from './connection.js';
import { publishDeadLetter } from './dead-letters.js';
import { checkpointOf, decodeMessage, sameCheckpoint } from './message.js';
import type { BusMetrics } from './metrics.js';
import { receivedWith } from '../../tracing/bus.js';

const BATCH = 200;
/** A crashed replica's unacknowledged messages come back after this long. */
const ACK_WAIT_NS = 15 * 1e9;
/**
 * A message that arrives before an earlier one is applied waits this long for it, then
 * is offered again (to any replica) after OUT_OF_ORDER_DELAY_MS.
 */
const OUT_OF_ORDER_WAIT_MS = 2_000;
const OUT_OF_ORDER_DELAY_MS = 200;
const TRANSIENT_DELAY_MS = 1_000;

interface Delivery {
  msg: JsMsg;
  event: RecordedEvent;
  prev: Checkpoint;
}

/** A `handleBatch` failed: which event is at fault is found by applying them one by one. */
class BatchFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('batch handler failed');
  }
}

class HandlerFailed extends Error {
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super('handler failed');
  }
}

/**
 * A projection or reactor fed by a JetStream durable consumer: a work queue that any
 * number of replicas pull from together.
 *
 * Effects are exactly once although delivery is at least once: a batch's effects and
 * the checkpoint that passes it commit in one transaction, holding the checkpoint row
 * lock, and a message at or before the checkpoint is acknowledged and skipped. Order
 * holds across replicas: each message names the event before it (`prev`), and one that
 * does not follow the checkpoint waits (a short negative acknowledgement) until the
 * replica holding the earlier one has applied it.
 *
 * A message whose handler keeps failing goes to the dead-letter subject after
 * DEAD_LETTER_AFTER attempts, with a log line saying why, and the stream moves on.
 * Failures of the database connection itself never count as attempts.
 */
export class DurableConsumerRunner {
  private messages: ConsumerMessages | undefined;
  private readonly queue: JsMsg[] = [];
  private processing: Promise<void> | undefined;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private readonly attempts = new Map<string, number>();
  private failures = 0;
  readonly durable: string;

  constructor(
    private readonly link: NatsLink,
    readonly consumer: Consumer,
    readonly db: Db,
    private readonly log: Logger,
    private readonly metrics: BusMetrics,
    private readonly deadLetterAfter: number,
    /** Called after a batch with effects commits. */
    private readonly afterCommit: () => void = () => {},
  ) {
    this.durable = consumer.background
      ? link.names.backgroundDurable(consumer.name)
      : link.names.durable(consumer.name);
    // Its series start at zero, so that Prometheus sees the first redelivery or dead
    // letter as an increase rather than as a new series (alert rules use increase()).
    for (const counter of [metrics.redeliveries, metrics.deadLetters]) counter.inc({ consumer: consumer.name }, 0);
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.messages?.close().catch(() => {});
    await this.loop?.catch(() => {});
    await this.processing?.catch(() => {});
  }

  private async run(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        const stream = await this.link.ensureSourceStream(this.consumer.source);
        await this.ensureDurable(stream);
        const consumer = await this.link.js.consumers.get(stream, this.durable);
        this.messages = await consumer.consume({ max_messages: BATCH, expires: 5_000 });
        this.watch(this.messages);
        attempt = 0;
        for await (const msg of this.messages) {
          this.queue.push(msg);
          this.processing ??= this.process();
        }
      } catch (err) {
        if (this.stopped) return;
        if (isNotFound(err)) this.link.forgetStreams();
        if (attempt % 20 === 0)
          this.log.warn({ err, consumer: this.consumer.name }, 'cannot consume from NATS; retrying');
      }
      if (!this.stopped) await sleep(Math.min(500 * (attempt + 1), 5_000));
    }
  }

  /**
   * Says in the log when the pulls stall: while they do, nothing reaches this consumer
   * and writes elsewhere stop waiting for it (the client renews them by itself).
   */
  private watch(messages: ConsumerMessages): void {
    void (async () => {
      for await (const s of messages.status()) {
        if (s.type === 'heartbeats_missed' || s.type === 'consumer_not_found' || s.type === 'consumer_deleted') {
          this.log.warn({ consumer: this.consumer.name, status: s.type }, 'NATS pulls stalled; renewing them');
        }
      }
    })().catch(() => {});
  }

  /** The durable consumer, made on first use: explicit acks, from the start of the stream. */
  private async ensureDurable(stream: string): Promise<void> {
    try {
      await this.link.jsm.consumers.info(stream, this.durable);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      await this.link.jsm.consumers.add(stream, {
        durable_name: this.durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: ACK_WAIT_NS,
        max_ack_pending: BATCH * 4,
        description: `Starling ${this.consumer.name}`,
      });
    }
  }

  /**
   * Applies the queue until it is empty. `processing` is cleared in the very step that
   * finds it empty: cleared a tick later (by a `.finally`), a message queued in between
   * would find a run still marked and wait, unapplied, for the next one to arrive.
   */
  private async process(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, BATCH);
        try {
          await this.apply(batch);
          this.failures = 0;
        } catch (err) {
          // The batch could not even start (the database is away): offer it again later.
          this.failures += 1;
          if (this.failures === 1 || this.failures % 50 === 0) {
            this.log.error({ err, consumer: this.consumer.name }, 'consumer batch failed; will retry');
          }
          for (const msg of batch) msg.nak(TRANSIENT_DELAY_MS);
        }
      }
    } finally {
      this.processing = undefined;
    }
  }

  /** Decodes a batch into log order: redeliveries arrive mixed with newer messages. */
  private async decode(batch: JsMsg[]): Promise<Delivery[]> {
    const deliveries: Delivery[] = [];
    for (const msg of batch) {
      if (msg.info.deliveryCount > 1) this.metrics.redeliveries.inc({ consumer: this.consumer.name });
      try {
        const delivery = { msg, ...decodeMessage(msg.string()) };
        receivedWith(delivery.event, msg.headers);
        deliveries.push(delivery);
      } catch (err) {
        await this.deadLetter(msg, err, 'the message is not a Starling event');
      }
    }
    return deliveries.sort(inLogOrder);
  }

  private async apply(batch: JsMsg[]): Promise<void> {
    let pending = await this.decode(batch);
    let waited = 0;
    let oneByOne = !this.consumer.handleBatch;
    while (pending.length > 0) {
      let outcome: { consumed: number; applied: number; inOrder: boolean };
      try {
        outcome = await this.commit(pending, pending.length, oneByOne);
      } catch (err) {
        if (err instanceof BatchFailed && !oneByOne) {
          oneByOne = true;
          continue;
        }
        if (!(err instanceof HandlerFailed)) throw err;
        // Keep what came before the failing message, then decide about that one.
        const before = await this.commit(pending, err.index, true);
        this.ack(pending.slice(0, before.consumed));
        const failing = pending[err.index]!;
        if (!before.inOrder || before.consumed < err.index) {
          this.nakAll(pending.slice(before.consumed), OUT_OF_ORDER_DELAY_MS);
          return;
        }
        if (isTransient(err.cause)) {
          this.nakAll(pending.slice(err.index), TRANSIENT_DELAY_MS);
          throw err.cause;
        }
        const tries = Math.max((this.attempts.get(failing.event.eventId) ?? 0) + 1, failing.msg.info.deliveryCount);
        this.attempts.set(failing.event.eventId, tries);
        if (tries < this.deadLetterAfter) {
          this.log.warn(
            { err: err.cause, consumer: this.consumer.name, event: failing.event.eventId, attempt: tries },
            'consumer failed on an event; it will be retried',
          );
          this.nakAll(pending.slice(err.index), Math.min(250 * 2 ** tries, 10_000));
          return;
        }
        await this.skipPoisoned(failing, err.cause, tries);
        pending = pending.slice(err.index + 1);
        continue;
      }
      this.ack(pending.slice(0, outcome.consumed));
      pending = pending.slice(outcome.consumed);
      if (outcome.inOrder || pending.length === 0) return;
      // An earlier event is with another replica, which is most likely applying it right
      // now: wait for the checkpoint to reach ours rather than hand ours back at once.
      if (outcome.consumed > 0) waited = 0;
      if (waited >= OUT_OF_ORDER_WAIT_MS) {
        this.nakAll(pending, OUT_OF_ORDER_DELAY_MS);
        return;
      }
      const pause = Math.min(5 + waited, 100);
      await sleep(pause);
      waited += pause;
      // The missing event may have arrived meanwhile, behind this batch in the queue.
      if (this.queue.length) pending = [...pending, ...(await this.decode(this.queue.splice(0)))].sort(inLogOrder);
    }
  }

  /**
   * Applies deliveries[0..limit) that follow the checkpoint, in one transaction with the
   * checkpoint's move. Stops at the first one that does not follow (`inOrder` false).
   * Through the consumer's `handleBatch` when it has one, unless `oneByOne`: then a
   * failure names the delivery at fault (HandlerFailed), which a batch cannot.
   */
  private async commit(deliveries: Delivery[], limit: number, oneByOne: boolean) {
    const outcome = await this.db.transaction().execute(async (trx) => {
      let at = await lockCheckpoint(trx, this.consumer.name);
      const start = at;
      // Where the consumer this one follows stands: past it, an event waits as an earlier one would.
      const ceiling = this.consumer.after ? await readCheckpoint(trx, this.consumer.after) : undefined;
      let consumed = 0;
      let applied = 0;
      let inOrder = true;
      const run: RecordedEvent[] = [];
      for (const [i, d] of deliveries.slice(0, limit).entries()) {
        if (compareCheckpoints(checkpointOf(d.event), at) <= 0) {
          this.metrics.duplicates.inc({ consumer: this.consumer.name });
          consumed += 1;
          continue;
        }
        if (!sameCheckpoint(d.prev, at) || (ceiling && compareCheckpoints(checkpointOf(d.event), ceiling) > 0)) {
          inOrder = false;
          break;
        }
        if (this.consumer.types.includes(d.event.type)) {
          if (!oneByOne) run.push(d.event);
          else {
            try {
              await applyEvent(this.consumer, d.event, trx);
            } catch (err) {
              throw new HandlerFailed(i, err);
            }
          }
        }
        at = checkpointOf(d.event);
        consumed += 1;
        applied += 1;
      }
      try {
        await applyEvents(this.consumer, run, trx);
      } catch (err) {
        throw new BatchFailed(err);
      }
      if (!sameCheckpoint(at, start)) await saveCheckpoint(trx, this.consumer.name, at);
      if (applied) this.metrics.delivered.inc({ consumer: this.consumer.name }, applied);
      return { consumed, applied, inOrder };
    });
    if (outcome.applied) this.afterCommit();
    return outcome;
  }

  /** Parks a poisoned event on the dead-letter subject and moves the checkpoint past it. */
  private async skipPoisoned(d: Delivery, cause: unknown, tries: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const at = await lockCheckpoint(trx, this.consumer.name);
      if (!sameCheckpoint(d.prev, at)) return;
      await this.publishDeadLetter(d.msg, cause);
      await saveCheckpoint(trx, this.consumer.name, checkpointOf(d.event));
    });
    this.attempts.delete(d.event.eventId);
    this.log.error(
      { err: cause, consumer: this.consumer.name, event: d.event.eventId, type: d.event.type, attempts: tries },
      `event moved to ${this.link.names.deadLetterSubject(this.consumer.name)}: its handler failed ${tries} times`,
    );
    d.msg.ack();
  }

  private async deadLetter(msg: JsMsg, cause: unknown, reason: string): Promise<void> {
    await this.publishDeadLetter(msg, cause);
    this.log.error({ err: cause, consumer: this.consumer.name, seq: msg.seq }, `dead-lettered: ${reason}`);
    msg.ack();
  }

  private publishDeadLetter(msg: JsMsg, cause: unknown): Promise<void> {
    return publishDeadLetter(this.link, this.metrics, this.consumer.name, msg, cause);
  }

  private ack(deliveries: Delivery[]): void {
    for (const d of deliveries) d.msg.ack();
  }

  private nakAll(deliveries: Delivery[], delayMs: number): void {
    for (const d of deliveries) d.msg.nak(delayMs);
  }

  /** Messages not yet acknowledged: waiting in the stream or handed out. */
  async lag(): Promise<number> {
    try {
      const info = await this.link.jsm.consumers.info(this.link.names.stream(this.consumer.source), this.durable);
      return info.num_pending + info.num_ack_pending;
    } catch {
      return 0;
    }
  }
}

const inLogOrder = (a: Delivery, b: Delivery) => compareCheckpoints(checkpointOf(a.event), checkpointOf(b.event));

/** The database or the network failed, not the handler's logic: never a reason to give up on an event. */
export function isTransient(err: unknown): boolean {
  const code = String((err as { code?: unknown })?.code ?? '');
  if (/^(08|57P|53)/.test(code)) return true; // connection exceptions, shutdown, insufficient resources
  if (/^(ECONN|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN)/.test(code)) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
    String((err as Error)?.message ?? ''),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
