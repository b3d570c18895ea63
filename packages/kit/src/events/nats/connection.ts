import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { BusNames } from './names.js';

/**
 * One NATS connection per process. It reconnects forever: a process outlives a NATS
 * restart, and meanwhile writes keep landing in the outbox for the relay to send later.
 */
export class NatsLink {
  private constructor(
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly names: BusNames,
    private readonly log: Logger,
  ) {
    void this.watch();
  }

  /** False between a lost connection and the reconnect. */
  connected = true;
  private readonly streams = new Set<string>();

  static async open(url: string, prefix: string, log: Logger): Promise<NatsLink> {
    const nc = await connect({
      servers: url.split(','),
      name: `starling-${process.pid}`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      // The first connection may come before NATS is up (containers starting together).
      waitOnFirstConnect: true,
    });
    const jsm = await jetstreamManager(nc, { timeout: 5_000 });
    return new NatsLink(nc, jetstream(nc, { timeout: 5_000 }), jsm, new BusNames(prefix), log);
  }

  private async watch(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (status.type === 'disconnect') {
        this.connected = false;
        this.log.warn({ server: status.server }, 'lost the connection to NATS; reconnecting');
      } else if (status.type === 'reconnect') {
        this.connected = true;
        this.log.info({ server: status.server }, 'reconnected to NATS');
      }
    }
  }

  /**
   * Creates a source's stream if it does not exist yet. Every process that publishes to
   * or reads from a stream calls this, so no process depends on another starting first.
   * Events are kept without limit: the stream is the integration log a new consumer
   * (or a rebuilt one) reads from the start.
   */
  async ensureStream(name: string, subjects: string): Promise<void> {
    if (this.streams.has(name)) return;
    try {
      await this.jsm.streams.info(name);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      try {
        await this.jsm.streams.add({ name, subjects: [subjects], duplicate_window: 2 * 60 * 1e9 });
      } catch (addErr) {
        if (!/already in use/i.test(String(addErr))) throw addErr;
      }
    }
    this.streams.add(name);
  }

  async ensureSourceStream(source: string): Promise<string> {
    const name = this.names.stream(source);
    await this.ensureStream(name, this.names.sourceSubjects(source));
    return name;
  }

  /** Forget what exists: after NATS lost its storage, streams are made again. */
  forgetStreams(): void {
    this.streams.clear();
  }

  async close(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain().catch(() => this.nc.close());
  }
}

export const isNotFound = (err: unknown) => /not found/i.test(String((err as Error)?.message ?? err));
