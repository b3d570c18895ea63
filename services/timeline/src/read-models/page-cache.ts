import { SharedRuns, type Db, type ServiceContext } from '@starling/kit';
import type { FastifyReply } from 'fastify';
import { sql } from 'kysely';

/** The projections whose tables the timeline pages read. */
const PAGE_SOURCES = ['timeline.tweets', 'timeline.homes', 'timeline.follows', 'timeline.authors'];
/** Pages kept per process (a page of 20 tweets is some tens of kilobytes in memory). */
const MAX_PAGES = 1_000;

/**
 * Where the projections behind the pages stand: their checkpoints, which move in the
 * same transaction as every change to the tables (a rebuild moves them back). Equal
 * versions mean equal tables.
 */
async function readModelsVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ version: string | null }>`
    select string_agg(consumer || '@' || tx_id::text || '.' || position::text, ' ' order by consumer) as version
    from consumer_checkpoints where consumer = any(${PAGE_SOURCES}::text[])`.execute(db);
  return rows[0]?.version ?? '';
}

/** A page as it was computed, and once it was sent, its serialized body. */
export interface CachedPage<T> {
  rows: T;
  body?: string;
}

/**
 * Timeline pages as they were computed, by the read models' version: a hit costs the
 * version (see pageCacheOf) instead of the page's statement and its serialization, and
 * a page is never served after its tables moved on, whichever process or replica moved
 * them. The version is read after the request arrived and before the page, so a page
 * stored under a version is at least that new. Pages are shared: callers must not change
 * them. The oldest go first when it is full.
 */
export class PageCache<T> {
  private readonly pages = new Map<string, { version: string; page: CachedPage<T> }>();

  constructor(private readonly version: () => Promise<string>) {}

  async get(key: string, load: () => Promise<T>): Promise<CachedPage<T>> {
    const version = await this.version();
    const cached = this.pages.get(key);
    if (cached?.version === version) return cached.page;
    const page = { rows: await load() };
    this.pages.delete(key);
    if (this.pages.size >= MAX_PAGES) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, { version, page });
    return page;
  }
}

const caches = new WeakMap<ServiceContext, PageCache<unknown>>();

/**
 * The page cache of a service context (one per process and service). On PostgreSQL
 * the version is read from the checkpoints, shared by the requests that arrive while
 * one read runs: other processes and replicas write the read models too. On PGlite this
 * process alone writes them, so the bus's count of committed batches is the version,
 * and a hit costs no query at all.
 */
export function pageCacheOf<T>(ctx: ServiceContext): PageCache<T> {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new PageCache<unknown>(versionOf(ctx))));
  return cache as PageCache<T>;
}

function versionOf(ctx: ServiceContext): () => Promise<string> {
  if (!ctx.config.DATABASE_URL) return () => Promise.resolve(String(ctx.bus.applied()));
  const reads = new SharedRuns(() => readModelsVersion(ctx.db));
  return () => reads.run();
}

/**
 * Sends a cached page: its body is serialized once, by the route's response schema,
 * and sent as it is to every later reader of the same page.
 */
export function sendPage<T>(
  reply: FastifyReply,
  page: CachedPage<T>,
  body: () => Record<string, unknown>,
): FastifyReply {
  page.body ??= reply.serializeInput(body(), String(reply.statusCode), 'application/json') as string;
  return reply.type('application/json; charset=utf-8').send(page.body);
}
