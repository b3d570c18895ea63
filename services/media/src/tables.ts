import type { MediaSize, MediaType } from '@starling/events';
import type { Db } from '@starling/kit';
import type { ColumnType } from 'kysely';

/** `media`: every upload as its owner sees it, the original's key, and the tweet it is attached to. */
export interface MediaTable {
  id: string;
  owner_id: string;
  state: 'awaiting-upload' | 'processing' | 'ready' | 'failed';
  type: MediaType;
  content_type: string;
  original_key: string;
  description: string | null;
  file_key: string | null;
  preview_key: string | null;
  blurhash: string | null;
  meta: ColumnType<{ original: MediaSize; small: MediaSize } | null, string | null, string | null>;
  reason: string | null;
  tweet_id: string | null;
  version: number;
  created_at: Date;
  modified_at: Date;
}

export interface MediaTables {
  media: MediaTable;
}

export type MediaDb = Db<MediaTables>;
