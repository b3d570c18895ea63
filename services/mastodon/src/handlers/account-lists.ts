import type { StarlingClient } from '@starling/sdk';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerOf } from '../infra/starling-api.js';
import type { MastodonAccount } from '../presenters/account.js';
import type { Site } from '../presenters/site.js';
import { accountsOf } from './people.js';

/** Mastodon's most accounts in one page. */
const MAX_ACCOUNTS = 80;

interface UserListAnswer {
  data?: { user_list: Array<{ id: string }> };
  error?: unknown;
  response: Response;
}

/**
 * A page of accounts from one of Starling's user lists (followers, likers…), which page
 * by an opaque cursor: Mastodon's `max_id` carries that cursor as it is, and `Link`
 * rel="next" names the next one. These lists have no rel="prev": apps read them downwards.
 */
export async function accountPage(
  request: FastifyRequest<{ Querystring: { max_id?: string; limit?: number } }>,
  reply: FastifyReply,
  api: StarlingClient,
  site: Site,
  list: (query: { limit: number; cursor?: string }) => Promise<UserListAnswer>,
): Promise<MastodonAccount[]> {
  const { max_id, limit = 40 } = request.query;
  const answer = await list({ limit: Math.min(limit, MAX_ACCOUNTS), ...(max_id ? { cursor: max_id } : {}) });
  const page = answerOf(answer);
  const next = /[?&]cursor=([^&>]+)/.exec(answer.response.headers.get('link') ?? '')?.[1];
  if (next) {
    const url = new URL(request.url, `${request.protocol}://${request.host}`);
    url.searchParams.set('max_id', decodeURIComponent(next));
    reply.header('link', `<${url.toString()}>; rel="next"`);
  }
  return accountsOf(
    api,
    page.user_list.map((u) => u.id),
    site,
  );
}
