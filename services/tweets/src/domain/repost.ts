import { TweetReposted, TweetUnreposted } from '@starling/events';
import { reaction } from './reaction.js';

/** One stream per (tweet, user) pair, like likes: whether the user reposts the tweet right now. */
export const repostStream = (tweetId: string, userId: string) => `repost-${tweetId}-${userId}`;

export const repost = reaction(TweetReposted.type, TweetUnreposted.type);
