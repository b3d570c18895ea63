import { problems } from '@starling/kit';
import { sql } from 'kysely';
import type { MastodonDb } from '../tables.js';

/** How long a key answers with its first status, as Mastodon keeps it. */
const KEPT_HOURS = 24;

export type Claim = { kind: 'new' } | { kind: 'done'; statusId: string };

/**
 * Claims `key` for `userId` before a post: `new` when this request is the first with it
 * (or the last one is more than a day old), `done` with the status a request with it
 * already posted. A post still under way with the same key is a 409, as Mastodon answers.
 */
export async function claimKey(db: MastodonDb, userId: string, key: string): Promise<Claim> {
  const { rows } = await sql<{ status_id: string | null; fresh: boolean }>`
    insert into idempotency_keys (user_id, key) values (${userId}, ${key})
    on conflict (user_id, key) do update set status_id = null, created_at = now()
      where idempotency_keys.created_at < now() - make_interval(hours => ${KEPT_HOURS})
    returning status_id, true as fresh`.execute(db);
  if (rows.length) return { kind: 'new' };
  const kept = await db
    .selectFrom('idempotency_keys')
    .select('status_id')
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (kept?.status_id) return { kind: 'done', statusId: kept.status_id };
  throw problems.conflict('A request with this Idempotency-Key is still being processed.');
}

/** Records the status a claimed key posted. */
export async function keepStatus(db: MastodonDb, userId: string, key: string, statusId: string): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status_id: statusId })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}

/** Lets the key go after a post that failed, so a retry may post. */
export async function releaseKey(db: MastodonDb, userId: string, key: string): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .where('status_id', 'is', null)
    .execute();
}
