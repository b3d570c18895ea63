import { answerOf, starlingApi } from '../infra/starling-api.js';
import { siteOf, type Handler } from './deps.js';
import { statusOf } from './statuses.js';

/**
 * Reposts the status and answers as Mastodon does: the caller's reblog, wrapping the
 * original as it now is. Starling's answer does not name the repost, so its id is read
 * from the top of the caller's home timeline, where their repost now is.
 */
export const mastodonReblogStatus: Handler<'mastodonReblogStatus'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request) => {
    const api = starlingApi(ctx, request);
    const { id } = request.params;
    const tweet = answerOf(await api.POST('/api/v2/tweets/{id}/repost', { params: { path: { id } } }));
    const me = answerOf(await api.GET('/api/v1/auth/me'));
    const home = await api.GET('/api/v2/timelines/home', { params: { query: { limit: 10 } } });
    const entry = home.data?.tweets_list.find((t) => t.id === id && t.reposted_by?.id === me.id);
    const repostedBy = { id: me.id, username: me.username, name: me.name, repost_id: entry?.reposted_by?.repost_id };
    return statusOf(api, { ...tweet, reposted_by: repostedBy }, site);
  };
};
