import type { JsMsg } from '@nats-io/jetstream';
import { headers } from '@nats-io/nats-core';
import type { NatsLink } from './connection.js';
import type { BusMetrics } from './metrics.js';

/**
 * Parks a message on the dead-letter subject of `consumer` (a consumer's or a job's
 * name), with headers saying where it came from and why it failed.
 */
export async function publishDeadLetter(
  link: NatsLink,
  metrics: BusMetrics,
  consumer: string,
  msg: JsMsg,
  cause: unknown,
): Promise<void> {
  const { names } = link;
  await link.ensureStream(names.deadLetterStream, `${names.prefix}.dead-letters.>`);
  const h = headers();
  h.set('Starling-Consumer', consumer);
  h.set('Starling-Stream-Sequence', String(msg.seq));
  h.set('Starling-Subject', msg.subject);
  h.set('Starling-Error', String((cause as Error)?.message ?? cause).slice(0, 500));
  await link.js.publish(names.deadLetterSubject(consumer), msg.data, {
    headers: h,
    msgID: `${names.durable(consumer)}:${msg.seq}`,
  });
  metrics.deadLetters.inc({ consumer });
}
