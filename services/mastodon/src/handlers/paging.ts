import { encodeCursor } from '@starling/kit';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Mastodon's most statuses in one page; a larger `limit` is cut to it, as Mastodon does. */
export const MAX_STATUSES = 40;
/** How many pages of Starling's a `since_id` or `min_id` request reads at most, newest first. */
export const MAX_SCAN_PAGES = 10;

export interface PageQuery {
  max_id?: string;
  since_id?: string;
  min_id?: string;
  limit?: number;
}

/**
 * A page of a newest-first list in Mastodon's terms, read from Starling's, which pages
 * only downwards, by an opaque cursor over its time-sortable ids (`encodeCursor(id)`
 * asks for what is older than `id`). `max_id` is that cursor. `since_id` and `min_id`
 * ask for what is newer than an id: the page is read down from the newest (or from
 * `max_id`) until that id, at most MAX_SCAN_PAGES pages of MAX_STATUSES: `since_id`
 * keeps the newest `limit`, `min_id` the oldest `limit` (those right after it). Items
 * `keep` refuses (replies, with `exclude_replies`) are skipped, and more is read.
 */
export async function readPage<T>(
  query: PageQuery,
  fetch: (cursor: string | undefined, limit: number) => Promise<T[]>,
  keyOf: (item: T) => string,
  keep?: (item: T) => boolean,
): Promise<T[]> {
  const limit = Math.min(query.limit ?? 20, MAX_STATUSES);
  // With both, the newer of the two bounds the page.
  const floor = [query.since_id, query.min_id]
    .filter((id): id is string => !!id)
    .sort()
    .at(-1);
  const batch = floor || keep ? MAX_STATUSES : limit;
  const found: T[] = [];
  let cursor = query.max_id ? encodeCursor(query.max_id) : undefined;
  for (let page = 0; page < MAX_SCAN_PAGES; page++) {
    const items = await fetch(cursor, batch);
    let reachedFloor = false;
    for (const item of items) {
      if (floor !== undefined && keyOf(item) <= floor) {
        reachedFloor = true;
        break;
      }
      if (!keep || keep(item)) found.push(item);
    }
    if (reachedFloor || items.length < batch) break;
    // Enough once the page is full, unless the page must be the oldest after `min_id`.
    if (found.length >= limit && !query.min_id) break;
    cursor = encodeCursor(keyOf(items.at(-1)!));
  }
  return query.min_id ? found.slice(-limit) : found.slice(0, limit);
}

/**
 * Mastodon's `Link`: rel="next" for what is older than the page's last item, rel="prev"
 * for what is newer than its first, at this request's own URL.
 */
export function linkPage(request: FastifyRequest, reply: FastifyReply, first?: string, last?: string): void {
  if (first === undefined || last === undefined) return;
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  for (const name of ['max_id', 'since_id', 'min_id']) url.searchParams.delete(name);
  const at = (name: string, value: string) => {
    const page = new URL(url);
    page.searchParams.set(name, value);
    return page.toString();
  };
  reply.header('link', `<${at('max_id', last)}>; rel="next", <${at('min_id', first)}>; rel="prev"`);
}
