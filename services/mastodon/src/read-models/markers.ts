import type { MarkersTable, MastodonDb } from '../tables.js';

export type MarkerRow = MarkersTable;

/** The user's markers for the timelines named. */
export async function findMarkers(db: MastodonDb, userId: string, timelines: readonly string[]): Promise<MarkerRow[]> {
  if (timelines.length === 0) return [];
  return db
    .selectFrom('markers')
    .selectAll()
    .where('user_id', '=', userId)
    .where('timeline', 'in', timelines)
    .execute();
}
