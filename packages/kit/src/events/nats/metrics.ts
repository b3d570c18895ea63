import { Counter, Gauge, type Registry } from 'prom-client';

/** What an operator watches on the bus: relay throughput, redeliveries, dead letters, jobs. */
export function createBusMetrics(registry: Registry, connected: () => boolean) {
  new Gauge({
    name: 'starling_bus_connected',
    help: '1 while this process is connected to NATS',
    registers: [registry],
    collect() {
      this.set(connected() ? 1 : 0);
    },
  });
  return {
    relayed: new Counter({
      name: 'starling_bus_relayed_total',
      help: 'Events the relay published from the outbox to JetStream',
      labelNames: ['source'] as const,
      registers: [registry],
    }),
    delivered: new Counter({
      name: 'starling_bus_delivered_total',
      help: 'Messages a durable consumer applied',
      labelNames: ['consumer'] as const,
      registers: [registry],
    }),
    redeliveries: new Counter({
      name: 'starling_bus_redeliveries_total',
      help: 'Messages received again after an earlier delivery was not acknowledged',
      labelNames: ['consumer'] as const,
      registers: [registry],
    }),
    duplicates: new Counter({
      name: 'starling_bus_duplicates_total',
      help: 'Messages a consumer had already applied and skipped',
      labelNames: ['consumer'] as const,
      registers: [registry],
    }),
    deadLetters: new Counter({
      name: 'starling_bus_dead_letters_total',
      help: 'Messages moved to the dead-letter subject after failing DEAD_LETTER_AFTER times',
      labelNames: ['consumer'] as const,
      registers: [registry],
    }),
    jobsPerformed: new Counter({
      name: 'starling_job_performed_total',
      help: 'Events a job performed',
      labelNames: ['job'] as const,
      registers: [registry],
    }),
    jobsFailed: new Counter({
      name: 'starling_job_failed_total',
      help: 'Tries of a job that failed (each is tried again until it gives up)',
      labelNames: ['job'] as const,
      registers: [registry],
    }),
    jobsGivenUp: new Counter({
      name: 'starling_job_given_up_total',
      help: 'Events a job gave up on after its attempts',
      labelNames: ['job'] as const,
      registers: [registry],
    }),
  };
}

export type BusMetrics = ReturnType<typeof createBusMetrics>;
