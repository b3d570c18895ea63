import { TweetLiked, TweetUnliked } from '@starling/events';
import { reaction } from './reaction.js';

/** One stream per (tweet, user) pair: whether the user likes the tweet right now. */
export const likeStream = (tweetId: string, userId: string) => `like-${tweetId}-${userId}`;

export const like = reaction(TweetLiked.type, TweetUnliked.type);
