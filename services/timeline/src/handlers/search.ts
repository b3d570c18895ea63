import { decodeCursor, pageLimit, paginate, problems } from '@starling/kit';
import { presentSearchUser } from '../presenters/search.js';
import { hitKey, parseHitKey, searchTweets, searchUsers } from '../read-models/search.js';
import { MAX_QUERY_LENGTH, searchQuery, searchText } from '../search/text.js';
import { tweetViews } from '../read-models/tweets.js';
import type { Handler } from './deps.js';

/**
 * Search, public: tweets (the default) or users matching every word of `q` as a whole
 * word or a prefix, best match first, then newest. The cursor is (rank, id) of the last
 * hit, so pages neither repeat nor skip. Tweets are shown as timelines show them, with
 * `liked`/`reposted` for an authenticated caller.
 */
export const search: Handler<'search'> = (ctx) => async (request, reply) => {
  const text = searchText(request.query.q);
  if (text === undefined) {
    throw problems.validation([
      { field: 'q', reason: `must be 1 to ${MAX_QUERY_LENGTH} characters long, not counting surrounding spaces` },
    ]);
  }
  const caller = await ctx.auth.optional(request);
  const limit = pageLimit(request.query);
  const cursor = decodeCursor(request.query.cursor);
  const after = cursor !== undefined ? parseHitKey(cursor) : undefined;
  // No letter or digit in it (`!!!`): nothing can match.
  const query = searchQuery(text);

  if (request.query.type === 'users') {
    const rows = query !== undefined ? await searchUsers(ctx.db, query, after, limit + 1) : [];
    return { user_list: paginate(request, reply, rows, limit, hitKey).map(presentSearchUser) };
  }
  const rows = query !== undefined ? await searchTweets(ctx.db, query, after, limit + 1) : [];
  const page = paginate(request, reply, rows, limit, hitKey);
  return {
    tweets_list: await tweetViews(
      ctx.db,
      page.map((hit) => hit.id),
      caller?.userId,
    ),
  };
};
