import type { ConsumerMessages } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import type { Db } from '../../db/storage.js';
import { applyEvent, type Consumer } from '../consumer.js';
import { receivedWith } from '../../tracing/bus.js';
import type { NatsLink } from './connection.js';
import { decodeMessage } from './message.js';

/**
 * An every-process consumer (the revocation list) on JetStream: an ordered, ephemeral
 * consumer that starts at `everyProcess.since()` and keeps nothing durable. After a
 * lost connection the client resumes it where it was; after anything worse it starts
 * again from `since()`, which is harmless because what it keeps is idempotent.
 */
export class EveryProcessFeed {
  private messages: ConsumerMessages | undefined;
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly link: NatsLink,
    readonly consumer: Consumer,
    private readonly db: Db,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.messages?.close().catch(() => {});
    await this.loop?.catch(() => {});
  }

  private async run(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        const stream = await this.link.ensureSourceStream(this.consumer.source);
        const since = this.consumer.everyProcess!.since();
        const consumer = await this.link.js.consumers.get(stream, { opt_start_time: since.toISOString() });
        this.messages = await consumer.consume();
        attempt = 0;
        for await (const msg of this.messages) {
          const { event } = decodeMessage(msg.string());
          if (!this.consumer.types.includes(event.type)) continue;
          receivedWith(event, msg.headers);
          await applyEvent(this.consumer, event, this.db);
        }
      } catch (err) {
        if (this.stopped) return;
        if (attempt % 20 === 0) this.log.warn({ err, consumer: this.consumer.name }, 'cannot follow NATS; retrying');
      }
      if (!this.stopped) await new Promise((r) => setTimeout(r, Math.min(500 * (attempt + 1), 5_000)));
    }
  }
}
