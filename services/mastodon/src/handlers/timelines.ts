import type { StarlingClient, Tweet } from '@starling/sdk';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerOf } from '../infra/starling-api.js';
import type { MastodonStatus } from '../presenters/status.js';
import type { Site } from '../presenters/site.js';
import { linkPage, readPage, type PageQuery } from './paging.js';
import { statusesOf } from './statuses.js';

interface TimelineAnswer {
  data?: { tweets_list: Tweet[] };
  error?: unknown;
  response: Response;
}

/** A timeline entry's place in its list: a repost's own id, else the tweet's. */
export const entryKey = (tweet: Tweet) => tweet.reposted_by?.repost_id ?? tweet.id;

/**
 * A page of one of Starling's newest-first tweet lists as Mastodon statuses, paged
 * Mastodon's way (paging.ts), with `Link`.
 */
export async function timelinePage(
  request: FastifyRequest<{ Querystring: PageQuery & { only_media?: boolean } }>,
  reply: FastifyReply,
  api: StarlingClient,
  site: Site,
  list: (query: { limit: number; cursor?: string }) => Promise<TimelineAnswer>,
  keep?: (tweet: Tweet) => boolean,
): Promise<MastodonStatus[]> {
  const onlyMedia = request.query.only_media === true;
  const kept =
    onlyMedia || keep ? (t: Tweet) => (!onlyMedia || t.media_attachments.length > 0) && (!keep || keep(t)) : undefined;
  const tweets = await readPage(
    request.query,
    async (cursor, limit) => answerOf(await list({ limit, ...(cursor ? { cursor } : {}) })).tweets_list,
    entryKey,
    kept,
  );
  const statuses = await statusesOf(api, tweets, site);
  linkPage(request, reply, statuses[0]?.id, statuses.at(-1)?.id);
  return statuses;
}
