import { AckPolicy, DeliverPolicy, type ConsumerConfig, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../db/storage.js';
import { readEvent, type RecordedEvent } from '../event-store.js';
import { failureOf, retryDelayMs, type Job } from '../job.js';
import { isNotFound, type NatsLink } from './connection.js';
import { publishDeadLetter } from './dead-letters.js';
import { decodeMessage } from './message.js';
import type { BusMetrics } from './metrics.js';
import { receivedWith, tracedConsumption } from '../../tracing/bus.js';

/** How long `stop` waits for performs in flight; their events go to another replica after ack_wait. */
const STOP_WAIT_MS = 10_000;
/** A try that could not even start (the database is away) is offered again after this long. */
const TRANSIENT_DELAY_MS = 1_000;

/** Acknowledgements and progress reports fail only with the connection, which redelivery covers. */
function quietly(report: () => void): void {
  try {
    report();
  } catch {
    // The delivery comes back after ack_wait.
  }
}

export interface JobWorkerOptions {
  /** Tries before giving up, unless the job says otherwise. */
  attempts: number;
  /** How long a delivery stays with a replica that neither answers nor reports progress. */
  ackWaitMs: number;
}

/**
 * A job on JetStream: a durable pull consumer on its source's stream, filtered to its
 * type's subject (or taking the stream and passing other types over) and shared by every process that runs the job, so each event goes to
 * one replica (a work queue: no order, no checkpoint). A delivery is acknowledged once
 * performed; while `perform` runs the replica reports progress (`working`), so only a
 * replica that stopped answering loses its delivery, which then goes to another after
 * `ack_wait`. Each delivery counts as a try, a crash's included: the try after the last
 * (`max_deliver` is one more than `attempts`) only gives up, so an event that kills
 * every process performing it still ends in `gaveUp`. When `gaveUp` throws, or the job
 * has none, the message goes to the job's dead-letter subject.
 */
export class JobWorker {
  private readonly inFlight = new Set<Promise<void>>();
  private fetching: ConsumerMessages | undefined;
  private stopped = false;
  /** Resolves on `stop`, so that waiting for a free slot ends with it. */
  private readonly stopping: Promise<void>;
  private wake: () => void = () => {};
  private loop: Promise<void> | undefined;
  private readonly attempts: number;
  private readonly concurrency: number;
  readonly durable: string;

  constructor(
    private readonly link: NatsLink,
    readonly job: Job,
    private readonly db: Db,
    /** The service running the job: its own events are read back from its log, private fields and all. */
    private readonly owner: string,
    private readonly log: Logger,
    private readonly metrics: BusMetrics,
    private readonly options: JobWorkerOptions,
  ) {
    this.durable = link.names.jobDurable(job.name);
    this.attempts = job.attempts ?? options.attempts;
    this.concurrency = Math.max(1, job.concurrency ?? 1);
    this.stopping = new Promise((resolve) => (this.wake = resolve));
    // From zero, as a durable consumer's (durable-consumer.ts): a first failure is an increase.
    for (const counter of [metrics.jobsFailed, metrics.jobsGivenUp]) counter.inc({ job: job.name }, 0);
    metrics.deadLetters.inc({ consumer: job.name }, 0);
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Stops pulling and waits (at most STOP_WAIT_MS) for the performs in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.fetching?.close().catch(() => {});
    await this.loop?.catch(() => {});
    await Promise.race([Promise.allSettled([...this.inFlight]), sleep(STOP_WAIT_MS, undefined, { ref: false })]);
  }

  private async run(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        const stream = await this.link.ensureSourceStream(this.job.source);
        await this.ensureDurable(stream);
        const consumer = await this.link.js.consumers.get(stream, this.durable);
        attempt = 0;
        while (!this.stopped) {
          // Only as many as can start now: a message waiting here would use up its ack_wait.
          while (this.inFlight.size >= this.concurrency && !this.stopped) {
            await Promise.race([...this.inFlight, this.stopping]);
          }
          if (this.stopped) break;
          this.fetching = await consumer.fetch({ max_messages: this.concurrency - this.inFlight.size, expires: 5_000 });
          for await (const msg of this.fetching) this.track(this.handle(msg));
        }
      } catch (err) {
        if (this.stopped) return;
        if (isNotFound(err)) this.link.forgetStreams();
        if (attempt % 20 === 0)
          this.log.warn({ err, job: this.job.name }, 'cannot pull job messages from NATS; retrying');
      }
      if (!this.stopped) await sleep(Math.min(500 * (attempt + 1), 5_000));
    }
  }

  private track(perform: Promise<void>): void {
    this.inFlight.add(perform);
    void perform.catch(() => {}).finally(() => this.inFlight.delete(perform));
  }

  /** True once the durable consumer exists and has nothing left to perform. */
  async caughtUp(): Promise<boolean> {
    try {
      const info = await this.link.jsm.consumers.info(this.link.names.stream(this.job.source), this.durable);
      return info.num_pending + info.num_ack_pending === 0;
    } catch {
      return false;
    }
  }

  /** The durable consumer, made on first use (from the start of the stream) and kept in line with the job. */
  private async ensureDurable(stream: string): Promise<void> {
    const { names } = this.link;
    const config: Partial<ConsumerConfig> = {
      ack_wait: this.options.ackWaitMs * 1e6,
      max_deliver: this.attempts + 1,
      // One subject per type would need filter_subjects (NATS 2.10): for several types the
      // job takes the whole stream and passes the other types over (see `handle`).
      filter_subject:
        this.job.types.length === 1
          ? names.subject(this.job.source, this.job.types[0]!)
          : names.sourceSubjects(this.job.source),
      max_ack_pending: 1_000,
      description: `Starling job ${this.job.name}`,
    };
    try {
      await this.link.jsm.consumers.info(stream, this.durable);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      await this.link.jsm.consumers.add(stream, {
        ...config,
        durable_name: this.durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
      });
      return;
    }
    // A server that refuses a change (an older NATS) keeps the consumer as it was made.
    await this.link.jsm.consumers.update(stream, this.durable, config).catch((err: unknown) => {
      this.log.warn(
        { err, job: this.job.name },
        'could not bring the job’s durable consumer in line; it runs as it is',
      );
    });
  }

  private async handle(msg: JsMsg): Promise<void> {
    const working = setInterval(() => quietly(() => msg.working()), this.options.ackWaitMs / 3);
    try {
      const event = await this.eventOf(msg);
      if (!event) return;
      receivedWith(event, msg.headers);
      if (!this.job.types.includes(event.type)) return msg.ack();
      const tries = msg.info.deliveryCount;
      if (tries > this.attempts) {
        const cause = new Error(`no answer after ${this.attempts} tries: the process performing it stopped`);
        return await this.giveUp(msg, event, cause);
      }
      try {
        await tracedConsumption(this.job.name, [event], () => this.job.perform(event));
      } catch (cause) {
        this.metrics.jobsFailed.inc({ job: this.job.name });
        if (tries >= this.attempts) return await this.giveUp(msg, event, cause);
        this.log.warn(
          { err: cause, job: this.job.name, event: event.eventId, attempt: tries },
          'job failed on an event; it will be tried again',
        );
        msg.nak(retryDelayMs(tries));
        return;
      }
      msg.ack();
      this.metrics.jobsPerformed.inc({ job: this.job.name });
    } catch (err) {
      this.log.error(
        { err, job: this.job.name, seq: msg.seq },
        'job message could not be handled; it will be offered again',
      );
      // Without a connection the delivery simply runs out its ack_wait and comes back.
      quietly(() => msg.nak(TRANSIENT_DELAY_MS));
    } finally {
      clearInterval(working);
    }
  }

  /** The message's event; the owner's own events in full, from its log. Undefined once dead-lettered. */
  private async eventOf(msg: JsMsg): Promise<RecordedEvent | undefined> {
    let event: RecordedEvent;
    try {
      event = decodeMessage(msg.string()).event;
    } catch (err) {
      await this.deadLetter(msg, err, 'the message is not a Starling event');
      return undefined;
    }
    if (this.job.source !== this.owner) return event;
    return (await readEvent(this.db, this.job.source, event.eventId)) ?? event;
  }

  /** Tells the job it gave up; when that fails too (or it has no `gaveUp`), the message goes to dead letters. */
  private async giveUp(msg: JsMsg, event: RecordedEvent, cause: unknown): Promise<void> {
    this.metrics.jobsGivenUp.inc({ job: this.job.name });
    const about = { job: this.job.name, event: event.eventId, type: event.type, attempts: this.attempts };
    if (this.job.gaveUp) {
      try {
        await this.job.gaveUp(event, cause);
        this.log.warn({ ...about, err: cause }, `job gave up on an event after ${this.attempts} tries`);
        msg.ack();
        return;
      } catch (err) {
        this.log.error(
          { ...about, err, failure: failureOf(cause) },
          'job gave up on an event and recording it failed too',
        );
        cause = err;
      }
    }
    await this.deadLetter(msg, cause, `job ${this.job.name} gave up after ${this.attempts} tries`);
  }

  private async deadLetter(msg: JsMsg, cause: unknown, reason: string): Promise<void> {
    await publishDeadLetter(this.link, this.metrics, this.job.name, msg, cause);
    this.log.error({ err: cause, job: this.job.name, seq: msg.seq }, `dead-lettered: ${reason}`);
    msg.term();
  }

  /** Messages not yet performed: waiting in the stream, handed out, or waiting to be tried again. */
  async lag(): Promise<number> {
    try {
      const info = await this.link.jsm.consumers.info(this.link.names.stream(this.job.source), this.durable);
      return info.num_pending + info.num_ack_pending;
    } catch {
      return 0;
    }
  }
}
