import {
  decodeCursor,
  etagOf,
  ifMatch,
  pageLimit,
  paginate,
  problems,
  type Caller,
  type ServiceContext,
} from '@starling/kit';
import type { Selectable } from 'kysely';
import type { Handler } from '../handlers/deps.js';
import type { NotifyDb } from '../tables.js';
import { PREFERENCE_TYPES, type PreferenceType } from './events.js';
import { changePreferences, readPreferences, type EmailPreferences } from './preferences.js';
import type { MailEnvironment } from './store.js';
import type { MailsTable } from './tables.js';
import { readUnsubscribeToken } from './unsubscribe-token.js';

export const getNotificationPreferences: Handler<'getNotificationPreferences'> = (ctx) => async (request, reply) => {
  const caller = await ctx.auth.require(request);
  const { email, version } = await readPreferences(ctx.db as NotifyDb, caller.userId);
  // The contract gives this answer no 304: the ETag is for If-Match on the next change.
  reply.header('cache-control', 'private, no-cache').header('etag', etagOf(version));
  return { email };
};

export const updateNotificationPreferences: Handler<'updateNotificationPreferences'> =
  (ctx) => async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const { email, version } = await changePreferences(
      ctx.write,
      caller.userId,
      request.body.email as Partial<EmailPreferences>,
      'settings',
      ifMatch(request),
      { actor_id: caller.userId, request_id: request.id },
    );
    reply.header('etag', etagOf(version));
    return { email };
  };

/** One-click unsubscribe: the token is the authority, no login (RFC 8058). */
export const unsubscribe =
  (env: MailEnvironment): Handler<'unsubscribe'> =>
  (ctx) =>
  async (request) => {
    const said = readUnsubscribeToken(env.sealKey, request.query.token);
    if (!said) throw problems.validation([{ field: 'token', reason: 'is not an unsubscribe link Starling made' }]);
    const types: PreferenceType[] = said.scope === 'all' ? [...PREFERENCE_TYPES] : [said.scope];
    await changePreferences(
      ctx.write,
      said.accountId,
      Object.fromEntries(types.map((t) => [t, 'off'])),
      'unsubscribe',
      undefined,
      { request_id: request.id },
    );
    return { types };
  };

async function requireAdmin(ctx: ServiceContext, request: Parameters<ServiceContext['auth']['require']>[0]) {
  const caller: Caller = await ctx.auth.require(request);
  if (caller.role !== 'admin') throw problems.forbidden('Only an admin may read the mail Starling sends.');
  return caller;
}

const presentMail = (row: Selectable<MailsTable>) => ({
  id: row.id,
  template: row.template,
  to: row.to_address ?? '',
  subject: row.subject,
  status: row.status,
  attempts: row.attempts,
  ...(row.error ? { error: row.error } : {}),
  idempotency_key: row.idempotency_key,
  created_at: new Date(row.created_at).toISOString(),
  ...(row.sent_at ? { sent_at: new Date(row.sent_at).toISOString() } : {}),
});

export const listMail: Handler<'listMail'> = (ctx) => async (request, reply) => {
  await requireAdmin(ctx, request);
  const limit = pageLimit(request.query);
  const after = decodeCursor(request.query.cursor);
  let query = (ctx.db as NotifyDb)
    .selectFrom('mails')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (after !== undefined) query = query.where('id', '<', after);
  const rows = await query.execute();
  return { mail: paginate(request, reply, rows, limit, (row) => row.id).map(presentMail) };
};

export const getMail: Handler<'getMail'> = (ctx) => async (request) => {
  await requireAdmin(ctx, request);
  const row = await (ctx.db as NotifyDb)
    .selectFrom('mails')
    .selectAll()
    .where('id', '=', request.params.id)
    .executeTakeFirst();
  if (!row) throw problems.notFound(`There is no mail ${request.params.id}.`);
  return { ...presentMail(row), text: row.text, html: row.html };
};
