import type { components } from './generated/openapi.js';

export type MediaAttachment = components['schemas']['MediaAttachment'];

/** What a read model holds to show an attachment: its state, and once ready its files' URLs and sizes. */
export interface AttachmentShown {
  id: string;
  type: MediaAttachment['type'];
  state: 'processing' | 'ready' | 'failed';
  reason?: string | null;
  url: string | null;
  preview_url: string | null;
  description: string | null;
  blurhash: string | null;
  meta: MediaAttachment['meta'] | null;
}

/**
 * The contract's MediaAttachment, the same from every service: the files, sizes and
 * BlurHash only once it is ready, the reason only when it failed.
 */
export function presentAttachment(row: AttachmentShown): MediaAttachment {
  const ready = row.state === 'ready';
  return {
    id: row.id,
    type: row.type,
    state: row.state,
    ...(row.state === 'failed' ? { reason: row.reason ?? 'the file could not be used' } : {}),
    url: ready ? row.url : null,
    preview_url: ready ? row.preview_url : null,
    description: row.description,
    blurhash: ready ? row.blurhash : null,
    meta: ready ? (row.meta ?? null) : null,
  };
}
