import {
  appendToStream,
  checkExpectedVersion,
  loadAggregate,
  newId,
  refuse,
  seal,
  sealKeyOf,
  type Caller,
  type Db,
  type ExpectedVersions,
  type NewEvent,
  type RecordedEvent,
  type ServiceContext,
} from '@starling/kit';
import type { NotifyDb } from '../tables.js';
import {
  change,
  create,
  mustManage,
  remove,
  rotate,
  webhook,
  webhookStream,
  type NewWebhook,
  type WebhookChanges,
  type WebhookState,
} from './domain.js';
import type { WebhooksSettings } from './settings.js';
import { newSecret } from './signing.js';
import { refusedDestination } from './ssrf.js';

export interface Written {
  state: WebhookState;
  version: number;
  /** Only after create and rotate: the secret, to be shown this once. */
  secret?: string;
}

interface Request {
  caller: Caller;
  requestId: string;
}

const evolved = (state: WebhookState, events: RecordedEvent[]) => events.reduce(webhook.evolve, state);

async function append(trx: Db, id: string, state: WebhookState, version: number, events: NewEvent[], r: Request) {
  const appended = await appendToStream(
    trx,
    webhookStream(id),
    version,
    events.map((e) => ({ ...e, metadata: { actor_id: r.caller.userId, request_id: r.requestId } })),
  );
  return { state: evolved(state, appended.events), version: appended.version };
}

/** Refuses a URL that is not http(s) or reaches an internal address (unless allowed). */
async function checkUrl(url: string, settings: WebhooksSettings): Promise<void> {
  const reason = await refusedDestination(url, settings.WEBHOOK_ALLOW_PRIVATE);
  if (reason) throw refuse.unprocessable(`The URL ${reason}.`, [{ field: 'url', reason }]);
}

export async function createWebhook(
  ctx: ServiceContext,
  settings: WebhooksSettings,
  input: NewWebhook,
  r: Request,
): Promise<Written> {
  const id = newId();
  const secret = newSecret();
  // The scope and events are judged before the URL is resolved: a refusal costs no lookup.
  const created = create(id, r.caller, input, seal(sealKeyOf(ctx.config), secret));
  await checkUrl(input.url, settings);
  const written = await ctx.write((trx) => append(trx, id, webhook.initial, 0, [created], r));
  return { ...written, secret };
}

export async function updateWebhook(
  ctx: ServiceContext,
  settings: WebhooksSettings,
  id: string,
  changes: WebhookChanges,
  expected: ExpectedVersions,
  r: Request,
): Promise<Written> {
  if (changes.url !== undefined) await checkUrl(changes.url, settings);
  return ctx.write(async (trx) => {
    const { state, version } = await loadAggregate(trx, webhookStream(id), webhook);
    mustManage(state, id, r.caller);
    checkExpectedVersion(expected, version);
    const changed = change(state, changes);
    if (!changed) return { state, version };
    return append(trx, id, state, version, [changed], r);
  });
}

export async function deleteWebhook(ctx: ServiceContext, id: string, expected: ExpectedVersions, r: Request) {
  await ctx.write(async (trx) => {
    const { state, version } = await loadAggregate(trx, webhookStream(id), webhook);
    mustManage(state, id, r.caller);
    checkExpectedVersion(expected, version);
    await append(trx, id, state, version, [remove(state)], r);
    // What was not yet sent is dropped with it; what was sent stays as its record.
    const db: NotifyDb = trx;
    await db.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).where('status', '=', 'pending').execute();
  });
}

export async function rotateWebhookSecret(ctx: ServiceContext, id: string, r: Request): Promise<Written> {
  const secret = newSecret();
  const sealed = seal(sealKeyOf(ctx.config), secret);
  const written = await ctx.write(async (trx) => {
    const { state, version } = await loadAggregate(trx, webhookStream(id), webhook);
    mustManage(state, id, r.caller);
    return append(trx, id, state, version, [rotate(state, sealed)], r);
  });
  return { ...written, secret };
}
