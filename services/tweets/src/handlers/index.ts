import { routeHandlers, type ServiceContext } from '@starling/kit';
import type { RouteHandlerMethod } from 'fastify';
import { deleteTweet } from './delete-tweet.js';
import { getTweetContext } from './get-tweet-context.js';
import { getTweet } from './get-tweet.js';
import { likeTweet, unlikeTweet } from './like-tweet.js';
import { listTweetLikers } from './list-tweet-likers.js';
import { listTweetReposters } from './list-tweet-reposters.js';
import { listTweets } from './list-tweets.js';
import { postTweet } from './post-tweet.js';
import { repostTweet, unrepostTweet } from './repost-tweet.js';

/** One handler per operationId in openapi.yaml. */
export function tweetsHandlers(ctx: ServiceContext): Record<string, RouteHandlerMethod> {
  const handlers = {
    listTweets,
    postTweet,
    getTweet,
    deleteTweet,
    likeTweet,
    unlikeTweet,
    listTweetLikers,
    repostTweet,
    unrepostTweet,
    listTweetReposters,
    getTweetContext,
  };
  return routeHandlers(handlers, ctx);
}
