import { newEvent, OperationNoticed, type PayloadOf } from '@starling/events';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { Counter } from 'prom-client';
import type { Authenticator } from '../auth/caller.js';
import type { Db } from '../db/storage.js';
import type { EventBus } from '../events/consumer.js';
import { appendToStream } from '../events/event-store.js';
import { newId } from '../ids.js';
import type { Metrics } from '../metrics.js';
import type { NotifyRule, NoticePhase } from './notify-rules.js';
import { problems } from './problem.js';

/** A service of the process whose operations the rules may name: where its notices go. */
export interface NoticeOwner {
  /** The operationIds of its contract. */
  operations: ReadonlySet<string>;
  db: Db;
  bus: EventBus;
  log: Logger;
}

export interface NoticeOptions {
  rules: NotifyRule[];
  owners: NoticeOwner[];
  auth: Authenticator;
  metrics: Metrics;
  /** Until true, requests are refused before any operation runs (platform/http-app.ts): nothing to notice. */
  isReady(): boolean;
}

/** What one request has noticed so far: its notices share one stream. */
interface RequestNotices {
  stream: string;
  version: number;
  /** Its `before` notice could not be recorded: the request was refused, and nothing follows. */
  refused: boolean;
  actor?: Promise<string | undefined>;
}

/**
 * Applies the notification rules to the operations of `app`, with no handler knowing:
 * for an operation a rule names, an `OperationNoticed` event goes into the log of the
 * service that owns the operation (its outbox, which the bus carries to every other
 * service). `before` is recorded as the handler is about to run; if it cannot be, the
 * request is refused with a 503 and the handler never runs, so a subscriber never
 * misses the warning of a change that happened. `after` is recorded once the status is
 * known, before the answer leaves; if it cannot be, the answer still leaves (the change
 * is made already) and the failure is logged and counted. Only the operation, its path
 * parameters, the status and the caller's id are copied: never a body, query or header.
 */
export function installNotices(app: FastifyInstance, options: NoticeOptions): void {
  const byOperation = new Map<string, { owner: NoticeOwner; rules: NotifyRule[] }>();
  for (const rule of options.rules) {
    const id = rule.operation.operationId;
    // A rule on another process's operation is applied there (the distributed mode).
    const owner = options.owners.find((o) => o.operations.has(id));
    if (!owner) continue;
    const entry = byOperation.get(id) ?? { owner, rules: [] };
    entry.rules.push(rule);
    byOperation.set(id, entry);
  }
  if (byOperation.size === 0) return;
  const counted = new Counter({
    name: 'starling_notices_total',
    help: 'OperationNoticed events of the notification rules, by topic, phase and outcome (recorded or failed)',
    labelNames: ['topic', 'phase', 'outcome'] as const,
    registers: [options.metrics.registry],
  });
  const noticed = new WeakMap<FastifyRequest, RequestNotices>();

  async function record(request: FastifyRequest, phase: NoticePhase, status?: number): Promise<boolean> {
    const operationId = (request.routeOptions.schema as { operationId?: string } | undefined)?.operationId;
    const entry = operationId ? byOperation.get(operationId) : undefined;
    const rules = entry?.rules.filter((r) => r.phases.includes(phase));
    if (!entry || !rules?.length || !options.isReady()) return true;
    const state = noticed.get(request) ?? { stream: `notice-${newId()}`, version: 0, refused: false };
    noticed.set(request, state);
    if (state.refused) return false;
    state.actor ??= callerId(options.auth, request);
    const actor = await state.actor;
    const params = pathParams(request.params);
    const events = rules.map((rule) => {
      const data: PayloadOf<typeof OperationNoticed> = {
        topic: rule.topic,
        phase,
        operation_id: rule.operation.operationId,
        method: rule.operation.method,
        path: rule.operation.path,
        params,
        ...(status !== undefined ? { status } : {}),
        ...(actor ? { actor_id: actor } : {}),
        request_id: request.id,
      };
      return {
        ...newEvent(OperationNoticed, data),
        metadata: { request_id: request.id, ...(actor ? { actor_id: actor } : {}) },
      };
    });
    try {
      const { version } = await entry.owner.db
        .transaction()
        .execute((trx) => appendToStream(trx, state.stream, state.version, events));
      state.version = version;
      entry.owner.bus.notify();
      for (const rule of rules) counted.inc({ topic: rule.topic, phase, outcome: 'recorded' });
      return true;
    } catch (err) {
      for (const rule of rules) counted.inc({ topic: rule.topic, phase, outcome: 'failed' });
      entry.owner.log.error(
        { err, operationId, phase, topics: rules.map((r) => r.topic), requestId: request.id },
        'could not record an operation notice',
      );
      return false;
    }
  }

  app.addHook('preHandler', async (request) => {
    if (await record(request, 'before')) return;
    noticed.get(request)!.refused = true;
    throw problems.unavailable('The request could not be announced to its subscribers; try again in a moment.');
  });
  app.addHook('onSend', async (request, reply, payload) => {
    await record(request, 'after', reply.statusCode);
    return payload;
  });
}

/** The caller's id when the request carries a valid token; a bad one is the handler's to refuse. */
async function callerId(auth: Authenticator, request: FastifyRequest): Promise<string | undefined> {
  try {
    return (await auth.optional(request))?.userId;
  } catch {
    return undefined;
  }
}

/** Path parameters as strings, whatever types the contract coerced them to. */
function pathParams(params: unknown): Record<string, string> {
  if (!params || typeof params !== 'object') return {};
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));
}
