import type { AttachmentShown } from '@starling/contracts';
import type { Db } from '@starling/kit';
import type { MediaAttachmentsTable } from './table.js';

/**
 * Each tweet row with its attachments (its `media_ids`, in order; media deleted since is
 * left out) and, where it has a `last_modified`, that moved to the latest change of any
 * of them. One query for the whole page, and none when no tweet in it has media: most
 * have none, and a subquery in the tweets' own statement cost every read its planning.
 */
export async function withAttachments<T extends { media_ids?: string[] | null; last_modified?: Date }>(
  db: Db,
  rows: T[],
): Promise<Array<T & { media_attachments: AttachmentShown[] }>> {
  const ids = [...new Set(rows.flatMap((r) => r.media_ids ?? []))];
  if (ids.length === 0) return rows.map((r) => ({ ...r, media_attachments: [] }));
  const table: Db<{ media_attachments: MediaAttachmentsTable }> = db;
  const found = await table.selectFrom('media_attachments').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(found.map((a) => [a.id, a]));
  return rows.map((row) => {
    const attachments = (row.media_ids ?? []).flatMap((id) => byId.get(id) ?? []);
    const latest = Math.max(row.last_modified?.getTime() ?? 0, ...attachments.map((a) => a.modified_at.getTime()));
    return {
      ...row,
      ...(row.last_modified ? { last_modified: new Date(latest) } : {}),
      media_attachments: attachments,
    };
  });
}
