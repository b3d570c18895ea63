import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from '../config.js';
import type { Db } from '../db/storage.js';
import type { Consumer, EventBus } from '../events/consumer.js';
import { OutboxTailBus } from '../events/outbox-bus.js';
import type { ServiceContext, ServiceDefinition } from '../service.js';

/**
 * What a process does for its services:
 * - `all`: everything (the embedded mode, or one process on PostgreSQL and NATS);
 * - `api`: the HTTP API, the outbox relay, and the read models of its own events;
 * - `worker`: the read models and reactions fed by other services' events, and the relay.
 */
export type ProcessRole = 'all' | 'api' | 'worker';

/** A consumer the process runs, with the service (`owner`) whose schema holds its tables. */
export interface Subscription {
  consumer: Consumer;
  db: Db;
  owner: string;
}

/**
 * JetStream between processes when NATS_URL is set; otherwise each outbox tailed in this
 * process. The NATS client is loaded only then: the embedded process never needs it.
 */
export async function openBus(config: Config, log: Logger, registry: Registry): Promise<EventBus> {
  if (!config.NATS_URL) return new OutboxTailBus(log, config.PROJECTION_POLL_MS, config.DEAD_LETTER_AFTER);
  const { JetStreamBus } = await import('../events/nats/bus.js');
  return JetStreamBus.connect({
    url: config.NATS_URL,
    prefix: config.NATS_PREFIX,
    log,
    registry,
    pollMs: config.PROJECTION_POLL_MS,
    consistencyWaitMs: config.CONSISTENCY_WAIT_MS,
    deadLetterAfter: config.DEAD_LETTER_AFTER,
  });
}

export interface ProcessEvents {
  services: ServiceDefinition[];
  contexts: ServiceContext[];
  role: ProcessRole;
  /** Keeps the process's revoked tokens; run where it serves the API. */
  revocationFeed?: Consumer | undefined;
}

/**
 * Subscribes what the process runs: every service's outbox relayed (where the bus
 * relays), the revocation feed, each service's consumers its role runs (an API
 * process those of its own events and every-process ones, a worker those of other
 * services' events), and its
 * jobs where the role is `worker` or `all`, never in an API process. Returns the
 * services' consumers, which `projections rebuild` replays; jobs are not among them.
 */
export function subscribeConsumers(bus: EventBus, process: ProcessEvents): Subscription[] {
  const { services, contexts, role } = process;
  // Relays first: a consumer every process runs reads an outbox this process relays locally.
  for (const ctx of contexts) bus.relay?.(ctx.name, ctx.db);
  if (role !== 'worker' && process.revocationFeed) bus.subscribe(process.revocationFeed, contexts[0]!.db, 'auth');
  const subscriptions: Subscription[] = [];
  for (const [i, service] of services.entries()) {
    const ctx = contexts[i]!;
    for (const consumer of service.consumers(ctx)) {
      const own = consumer.source === service.name;
      // One that keeps this process's memory (the connections of its live streams) runs
      // wherever the API is served, whoever's events it reads.
      const runs = consumer.everyProcess
        ? role !== 'worker'
        : !((role === 'api' && !own) || (role === 'worker' && own));
      if (!runs) continue;
      bus.subscribe(consumer, ctx.db, service.name);
      subscriptions.push({ consumer, db: ctx.db, owner: service.name });
    }
    if (role !== 'api') for (const job of service.jobs?.(ctx) ?? []) bus.runJob(job, ctx.db, service.name);
  }
  return subscriptions;
}
