import type { Selectable } from 'kysely';
import type { MediaDb, MediaTable } from '../tables.js';

export type MediaRow = Selectable<MediaTable>;

/** The caller's own media, or undefined (another's is as if it did not exist). */
export async function findOwnMedia(db: MediaDb, id: string, ownerId: string): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
}
