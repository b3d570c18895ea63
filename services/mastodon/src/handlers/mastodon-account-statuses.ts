import { answerOf, starlingApi } from '../infra/starling-api.js';
import { siteOf, type Handler } from './deps.js';
import { timelinePage } from './timelines.js';

/**
 * An account's statuses, newest first. Starling has no pins, so `pinned=true` (which
 * apps ask for the top of a profile) finds none; `exclude_replies` and `tagged` filter.
 */
export const mastodonAccountStatuses: Handler<'mastodonAccountStatuses'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request, reply) => {
    const api = starlingApi(ctx, request);
    const user = answerOf(await api.GET('/api/v1/users/{id}', { params: { path: { id: request.params.id } } }));
    if (request.query.pinned === true) return [];
    const { exclude_replies: excludeReplies, tagged } = request.query;
    const tag = tagged?.replace(/^#/, '').toLowerCase();
    const keep =
      excludeReplies || tag
        ? (t: { in_reply_to_id?: string; entities: { hashtags: Array<{ tag: string }> } }) =>
            (!excludeReplies || !t.in_reply_to_id) &&
            (!tag || t.entities.hashtags.some((h) => h.tag.toLowerCase() === tag))
        : undefined;
    return timelinePage(
      request,
      reply,
      api,
      site,
      (query) => api.GET('/api/v2/tweets', { params: { query: { ...query, tweetedby: user.username } } }),
      keep,
    );
  };
};
