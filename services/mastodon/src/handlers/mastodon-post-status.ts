import { problems } from '@starling/kit';
import { claimKey, keepStatus, releaseKey } from '../infra/idempotency.js';
import { answerOf, starlingApi } from '../infra/starling-api.js';
import type { MastodonDb } from '../tables.js';
import { siteOf, type Handler } from './deps.js';
import { formFields, text } from './forms.js';
import { statusOf } from './statuses.js';

/**
 * Posts a tweet for a Mastodon app. Everything on Starling is public: `unlisted` is
 * posted as public, `private` and `direct` are refused (422) rather than shown to
 * everyone. A repeated `Idempotency-Key` from the same account within a day answers
 * the status the first request posted.
 */
export const mastodonPostStatus: Handler<'mastodonPostStatus'> = (ctx) => {
  const site = siteOf(ctx);
  const db = ctx.db as MastodonDb;
  return async (request) => {
    const caller = await ctx.auth.require(request);
    const api = starlingApi(ctx, request);
    const fields = await formFields(request);
    const visibility = text(fields.visibility) ?? 'public';
    if (visibility === 'private' || visibility === 'direct') {
      throw problems.unprocessable(`Validation failed: Starling has only public posts; ${visibility} is not supported`);
    }
    if (fields.poll !== undefined || fields.scheduled_at !== undefined) {
      throw problems.unprocessable('Validation failed: polls and scheduled posts are not supported');
    }
    const body = text(fields.status) ?? '';
    const mediaIds = (Array.isArray(fields.media_ids) ? fields.media_ids : []).map(String);
    if (body.trim() === '' && mediaIds.length === 0) {
      throw problems.unprocessable("Validation failed: Text can't be blank");
    }
    const replyTo = text(fields.in_reply_to_id);
    const key = request.headers['idempotency-key'];
    if (typeof key === 'string') {
      const claim = await claimKey(db, caller.userId, key);
      if (claim.kind === 'done') {
        const first = answerOf(await api.GET('/api/v2/tweets/{id}', { params: { path: { id: claim.statusId } } }));
        return statusOf(api, first, site);
      }
    }
    try {
      const tweet = answerOf(
        await api.POST('/api/v2/tweets', {
          body: {
            ...(body.trim() ? { body } : {}),
            ...(mediaIds.length ? { media_ids: mediaIds } : {}),
            ...(replyTo ? { in_reply_to_id: replyTo } : {}),
          },
        }),
      );
      if (typeof key === 'string') await keepStatus(db, caller.userId, key, tweet.id);
      return statusOf(api, tweet, site);
    } catch (err) {
      if (typeof key === 'string') await releaseKey(db, caller.userId, key);
      throw err;
    }
  };
};
