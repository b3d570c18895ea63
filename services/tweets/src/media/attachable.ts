import { refuse, type Caller } from '@starling/kit';
import { decodeTime } from 'ulid';
import type { TweetsDb } from '../tables.js';

/** At most this many attachments on one tweet. */
export const MAX_MEDIA_PER_TWEET = 4;

/**
 * Checks that the caller may attach these media to a tweet: each is their own upload
 * and has not failed (still processing is fine: the tweet shows it when it is ready).
 * Media is known here from the media service's events (the attachments read model);
 * one uploaded a moment ago may not have arrived yet, so an unknown id minted in the
 * last minutes (ids are ULIDs, which carry their time) is looked for again for up to
 * `waitMs` before it is refused. Any other unknown id is refused at once.
 */
export async function checkAttachable(
  db: TweetsDb,
  caller: Pick<Caller, 'userId'>,
  ids: readonly string[],
  waitMs: number,
): Promise<void> {
  if (ids.length === 0) return;
  if (ids.length > MAX_MEDIA_PER_TWEET) {
    throw refuse.invalid([{ field: 'media_ids', reason: `must name at most ${MAX_MEDIA_PER_TWEET} media` }]);
  }
  if (new Set(ids).size !== ids.length) {
    throw refuse.invalid([{ field: 'media_ids', reason: 'must not name the same media twice' }]);
  }
  const deadline = Date.now() + waitMs;
  for (;;) {
    const rows = await db
      .selectFrom('media_attachments')
      .select(['id', 'owner_id', 'state'])
      .where('id', 'in', [...ids])
      .execute();
    const found = new Map(rows.map((r) => [r.id, r]));
    const others = ids.filter((id) => found.has(id) && found.get(id)!.owner_id !== caller.userId);
    const missing = ids.filter((id) => !found.has(id));
    if (others.length) refuseNotOwn(others);
    if (missing.length === 0) {
      const failed = rows.filter((r) => r.state === 'failed').map((r) => r.id);
      if (failed.length) {
        throw refuse.invalid([{ field: 'media_ids', reason: `${failed.join(', ')} failed to process: remove it` }]);
      }
      return;
    }
    if (Date.now() >= deadline || !missing.every(mintedLately)) refuseNotOwn(missing);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function mintedLately(id: string): boolean {
  try {
    return Date.now() - decodeTime(id) < 5 * 60_000;
  } catch {
    return false;
  }
}

function refuseNotOwn(ids: readonly string[]): never {
  throw refuse.invalid([{ field: 'media_ids', reason: `${ids.join(', ')} is not media you uploaded` }]);
}
