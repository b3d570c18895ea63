import type { ColumnType, Generated } from 'kysely';
import type { MediaSize, MediaType } from '@starling/events';

/**
 * Media as a tweet shows it, from the media service's events: the table
 * attachmentsMigrations creates. URLs are resolved when the event is applied (the object
 * store knows where files are served), so a page of tweets is shown from one query.
 */
export interface MediaAttachmentsTable {
  id: string;
  owner_id: string;
  state: 'processing' | 'ready' | 'failed';
  type: MediaType;
  description: string | null;
  url: string | null;
  preview_url: string | null;
  blurhash: string | null;
  meta: ColumnType<{ original: MediaSize; small: MediaSize } | null, string | null, string | null>;
  reason: string | null;
  version: number;
  modified_at: Generated<Date>;
}
