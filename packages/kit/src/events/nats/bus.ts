import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Db } from '../../db/storage.js';
import type { Consumer, EventBus } from '../consumer.js';
import type { Checkpoint } from '../event-store.js';
import type { Job } from '../job.js';
import { OutboxTailBus } from '../outbox-bus.js';
import { NatsLink } from './connection.js';
import { DurableConsumerRunner } from './durable-consumer.js';
import { EveryProcessFeed } from './every-process-feed.js';
import { JobWorker } from './job-worker.js';
import { createBusMetrics } from './metrics.js';
import { OutboxRelay } from './relay.js';
import { WriteFollower } from './write-follower.js';

export interface JetStreamBusOptions {
  link: NatsLink;
  log: Logger;
  registry: Registry;
  pollMs: number;
  /** How long a write waits at most for the bus's consumers to apply it. */
  consistencyWaitMs: number;
  deadLetterAfter: number;
  /** How long a job's delivery stays with a replica that stopped answering (default 30 s). */
  jobAckWaitMs?: number;
}

/**
 * The distributed event bus. A service's own consumers still tail its own outbox (they
 * may see its private fields, and a write reads its own result at once, NATS or not);
 * the outbox is relayed to JetStream, and consumers of other services' events are
 * JetStream durable consumers. A process reads only its own services' tables.
 */
export class JetStreamBus implements EventBus {
  private readonly local: OutboxTailBus;
  /** A write's `settle` waits for its own last event to be relayed and consumed. */
  readonly settlesOnMark = true;
  private readonly relays = new Map<string, OutboxRelay>();
  private readonly followers = new Map<string, WriteFollower>();
  private readonly durables: DurableConsumerRunner[] = [];
  /** The durable consumers this process pulls for: live whatever the server last saw of their pulls. */
  private readonly hosted = new Set<string>();
  private readonly feeds: EveryProcessFeed[] = [];
  private readonly jobs: JobWorker[] = [];
  private readonly metrics;
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private durableBatches = 0;

  /** Connects to NATS (waiting for it if it is not up yet) and builds the bus. */
  static async connect(options: Omit<JetStreamBusOptions, 'link'> & { url: string; prefix: string }) {
    const link = await NatsLink.open(options.url, options.prefix, options.log);
    return new JetStreamBus({ ...options, link });
  }

  constructor(private readonly options: JetStreamBusOptions) {
    this.local = new OutboxTailBus(options.log, options.pollMs);
    this.metrics = createBusMetrics(options.registry, () => options.link.connected);
  }

  /** Publishes the outbox of a service whose schema this process owns. */
  relay(source: string, db: Db): void {
    if (this.relays.has(source)) return;
    const relay = new OutboxRelay(this.options.link, db, source, this.options.log, this.metrics);
    this.relays.set(source, relay);
    this.followers.set(source, new WriteFollower(this.options.link, relay, this.options.log, this.hosted));
  }

  subscribe(consumer: Consumer, db: Db, owner: string): void {
    const { link, log, deadLetterAfter } = this.options;
    if (consumer.source === owner || (consumer.everyProcess && this.relays.has(consumer.source))) {
      this.local.subscribe(consumer, db, owner);
    } else if (consumer.everyProcess) {
      this.feeds.push(new EveryProcessFeed(link, consumer, db, log));
    } else {
      // What a reactor appends is for this process's own consumers and relay: wake them.
      const runner = new DurableConsumerRunner(link, consumer, db, log, this.metrics, deadLetterAfter, () => {
        this.durableBatches += 1;
        this.notify();
      });
      this.durables.push(runner);
      this.hosted.add(runner.durable);
      if (this.started) runner.start();
    }
  }

  /** A job is a durable consumer shared by every replica that runs it, whatever its source (see JobWorker). */
  runJob(job: Job, db: Db, owner: string): void {
    const { link, log, deadLetterAfter, jobAckWaitMs } = this.options;
    const options = { attempts: deadLetterAfter, ackWaitMs: jobAckWaitMs ?? 30_000 };
    const worker = new JobWorker(link, job, db, owner, log, this.metrics, options);
    this.jobs.push(worker);
    if (this.started) worker.start();
  }

  notify(): void {
    this.local.notify();
    for (const relay of this.relays.values()) relay.catchUp().catch(() => {});
  }

  /**
   * This process's consumers catch up with everything committed before the call: its
   * own outboxes' consumers, its relays, then (for at most DRAIN_WAIT_MS) its durable
   * consumers and (unless `jobs` is false) its jobs with what their streams hold by then.
   */
  async drain(options: { jobs?: boolean } = {}): Promise<void> {
    const deadline = Date.now() + DRAIN_WAIT_MS;
    // Reactors append events that other consumers then need: repeat until nothing is relayed.
    for (let pass = 0; pass < 10 && Date.now() < deadline; pass++) {
      await this.local.drain();
      const relayed = await Promise.all([...this.relays.values()].map((r) => r.catchUp()));
      await this.durablesCaughtUp(deadline);
      if (options.jobs !== false) await this.jobsCaughtUp(deadline);
      if (pass > 0 && relayed.every((n) => n === 0)) return;
    }
  }

  /** Until `deadline`: each durable consumer here has acknowledged what its stream holds now. */
  private async durablesCaughtUp(deadline: number): Promise<void> {
    if (!this.durables.length || !this.options.link.connected) return;
    const { jsm, names } = this.options.link;
    await Promise.all(
      this.durables.map(async (d) => {
        const stream = names.stream(d.consumer.source);
        const head = await jsm.streams.info(stream).then(
          (info) => info.state.last_seq,
          () => 0,
        );
        await until(deadline, () =>
          jsm.consumers.info(stream, d.durable).then(
            (c) => c.ack_floor.stream_seq >= head,
            () => false,
          ),
        );
      }),
    );
  }

  /** Until `deadline`: each job here has nothing left to perform (its filter makes the ack floor useless). */
  private async jobsCaughtUp(deadline: number): Promise<void> {
    if (!this.options.link.connected) return;
    await Promise.all(this.jobs.map((j) => until(deadline, () => j.caughtUp())));
  }

  /**
   * After a write commits: its own service's read models catch up (as in one process),
   * then, for at most CONSISTENCY_WAIT_MS, the write is relayed and every durable
   * consumer of its stream that has a live puller acknowledges it. A client thus reads
   * its write from another service's read models too, unless a worker is down or NATS
   * is away, when the answer goes out anyway and the read models catch up later.
   */
  async settle(source: string, mark: Checkpoint | undefined): Promise<void> {
    await this.local.settle();
    const follower = this.followers.get(source);
    const { link, consistencyWaitMs } = this.options;
    if (!mark || !follower || consistencyWaitMs === 0 || !link.connected) return;
    await follower.follow(mark, Date.now() + consistencyWaitMs);
    // A reactor here may have answered with events of its own for this process's consumers.
    await this.local.settle();
  }

  async lag() {
    const local = await this.local.lag();
    const relays = await Promise.all(
      [...this.relays.values()].map(async (r) => ({ consumer: `bus.relay.${r.source}`, lag: await r.lag() })),
    );
    const durables = await Promise.all(
      this.durables.map(async (d) => ({ consumer: d.consumer.name, lag: await d.lag() })),
    );
    const jobs = await Promise.all(this.jobs.map(async (j) => ({ consumer: j.job.name, lag: await j.lag() })));
    return [...local, ...relays, ...durables, ...jobs];
  }

  forgetCheckpoints(): void {
    this.local.forgetCheckpoints();
  }

  applied(): number {
    return this.local.applied() + this.durableBatches;
  }

  start(): void {
    this.started = true;
    this.local.start();
    for (const runner of [...this.durables, ...this.feeds, ...this.jobs]) runner.start();
    // Other replicas' writes and anything a failed batch left are relayed on the next tick.
    this.timer ??= setInterval(() => {
      for (const relay of this.relays.values()) relay.catchUp().catch(() => {});
    }, this.options.pollMs);
    this.timer.unref();
    this.notify();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([
      this.local.stop(),
      ...[...this.relays.values()].map((r) => r.idle()),
      ...this.durables.map((d) => d.stop()),
      ...this.feeds.map((f) => f.stop()),
      ...this.jobs.map((j) => j.stop()),
    ]);
    await this.options.link.close();
  }
}

const DRAIN_WAIT_MS = 10_000;

/** Polls `check` with a growing pause until it holds (true) or the deadline passes (false). */
async function until(deadline: number, check: () => Promise<boolean>): Promise<boolean> {
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    if (await check()) return true;
    if (Date.now() + pause > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
