import type { FastifyReply, FastifyRequest } from 'fastify';
import { problems } from './problem.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/**
 * Cursors are opaque to clients: the sort key of the last item they saw, base64url
 * encoded. Keyset paging on that key keeps pages free of gaps and duplicates while new
 * items are written.
 */
export const encodeCursor = (key: string): string => Buffer.from(JSON.stringify({ k: key })).toString('base64url');

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown };
    if (typeof parsed.k === 'string' && parsed.k.length > 0) return parsed.k;
  } catch {
    // fall through to the validation error
  }
  throw problems.validation([{ field: 'cursor', reason: 'is not a cursor this API returned' }]);
}

/**
 * The sort key of a list ordered by a time, then an id (who followed, who liked): unique
 * within the list and in its order, so it serves as a keyset cursor.
 */
export const timeIdKey = (at: Date, id: string): string => `${new Date(at).toISOString()}|${id}`;

export function parseTimeIdKey(key: string): { at: Date; id: string } {
  const bar = key.indexOf('|');
  const at = new Date(key.slice(0, bar));
  const id = key.slice(bar + 1);
  if (bar < 0 || Number.isNaN(at.getTime()) || id === '') {
    throw problems.validation([{ field: 'cursor', reason: 'is not a cursor this API returned' }]);
  }
  return { at, id };
}

export interface PageQuery {
  limit?: number;
  cursor?: string;
}

export const pageLimit = (query: PageQuery) => query.limit ?? DEFAULT_LIMIT;

/**
 * Given `limit + 1` rows, keeps `limit` and, when there was one more, sets
 * `Link: <…>; rel="next"` pointing at the same request with the next cursor.
 */
export function paginate<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  rows: T[],
  limit: number,
  keyOf: (row: T) => string,
): T[] {
  if (rows.length <= limit) return rows;
  const page = rows.slice(0, limit);
  const url = new URL(request.url, 'http://starling.invalid');
  url.searchParams.set('limit', String(limit));
  url.searchParams.set('cursor', encodeCursor(keyOf(page.at(-1)!)));
  reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
  return page;
}
