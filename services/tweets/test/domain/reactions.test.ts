import { describe, expect, it } from 'vitest';
import type { Loaded } from '@starling/kit';
import { newEvent, TweetDeleted, TweetLiked, TweetPosted, TweetReposted, TweetUnliked } from '@starling/events';
import { callerOf, given } from '../../../../test/support/given-events.js';
import { liking } from '../../src/commands/liking.js';
import { reposting } from '../../src/commands/reposting.js';
import type { Reaction } from '../../src/commands/set-reaction.js';
import { like, likeStream } from '../../src/domain/like.js';
import { changes, type ReactionState } from '../../src/domain/reaction.js';
import { repost, repostStream } from '../../src/domain/repost.js';
import { mustBeLive, tweet, tweetStream, type TweetState } from '../../src/domain/tweet.js';

const TWEET = 'tweet-1';
const AUTHOR = 'user-author';
const FAN = callerOf('user-fan', 'user', 'fan');
const posted = newEvent(TweetPosted, { tweet_id: TWEET, author_id: AUTHOR, author_username: 'author', body: 'hello' });
const deleted = newEvent(TweetDeleted, { tweet_id: TWEET, author_id: AUTHOR, reason: 'author' });
const liked = newEvent(TweetLiked, { tweet_id: TWEET, user_id: FAN.userId, username: FAN.username });
const unliked = newEvent(TweetUnliked, { tweet_id: TWEET, user_id: FAN.userId });

/**
 * `setReaction`'s decision: the tweet (folded from its own stream) must be live
 * (`mustBeLive`); then an event only when the reaction `changes`. The events
 * themselves are the commands' own (`liking`, `reposting`).
 */
const react =
  (reaction: Reaction, target: Loaded<TweetState>, wanted: boolean) =>
  ({ state }: Loaded<ReactionState>) => {
    mustBeLive(target.state, TWEET);
    return changes(state, wanted) ? [reaction.event(wanted, target.state, FAN, TWEET)] : [];
  };

const live = given(tweet, tweetStream(TWEET), [posted]);

describe('a like (one stream per tweet and person)', () => {
  const likes = (past: Parameters<typeof given>[2] = []) => given(like, likeStream(TWEET, FAN.userId), past);

  it('likes a live tweet, naming the liker', () => {
    const after = likes()
      .when(react(liking, live, true))
      .then([{ type: 'TweetLiked', data: { tweet_id: TWEET, user_id: FAN.userId, username: 'fan' } }]);
    expect(after).toMatchObject({ state: { on: true }, version: 1 });
  });

  it('cannot like twice: liking again appends nothing', () => {
    likes([liked])
      .when(react(liking, live, true))
      .thenNothing();
    likes([liked, unliked, liked])
      .when(react(liking, live, true))
      .thenNothing();
  });

  it('unlikes a like, and can like again after', () => {
    likes([liked])
      .when(react(liking, live, false))
      .then([{ type: 'TweetUnliked', data: { tweet_id: TWEET, user_id: FAN.userId } }]);
    const again = likes([liked, unliked])
      .when(react(liking, live, true))
      .then([expect.objectContaining({ type: 'TweetLiked' })]);
    expect(again.version).toBe(3);
  });

  it('unliking what was never liked appends nothing', () => {
    likes()
      .when(react(liking, live, false))
      .thenNothing();
    likes([liked, unliked])
      .when(react(liking, live, false))
      .thenNothing();
  });

  it('refuses a deleted tweet or one that does not exist, either way', () => {
    const gone = given(tweet, tweetStream(TWEET), [posted, deleted]);
    const never = given(tweet, tweetStream(TWEET));
    for (const target of [gone, never]) {
      likes()
        .when(react(liking, target, true))
        .thenRefused(404);
      likes([liked])
        .when(react(liking, target, false))
        .thenRefused(404);
    }
  });

  it('is a stream per person and tweet', () => {
    expect(likeStream(TWEET, 'a')).not.toBe(likeStream(TWEET, 'b'));
    expect(likeStream('t1', FAN.userId)).not.toBe(likeStream('t2', FAN.userId));
  });
});

describe('a repost (one stream per tweet and person)', () => {
  const reposted = newEvent(TweetReposted, {
    tweet_id: TWEET,
    author_id: AUTHOR,
    user_id: FAN.userId,
    username: 'fan',
    repost_id: 'r1',
  });
  const reposts = (past: Parameters<typeof given>[2] = []) => given(repost, repostStream(TWEET, FAN.userId), past);

  it('reposts a live tweet with a new repost id, naming the tweet’s author', () => {
    const first = reposts()
      .when(react(reposting, live, true))
      .then([
        {
          type: 'TweetReposted',
          data: {
            tweet_id: TWEET,
            author_id: AUTHOR,
            user_id: FAN.userId,
            username: 'fan',
            repost_id: expect.any(String),
          },
        },
      ]);
    expect(first.state.on).toBe(true);
    const undone = reposts([reposted])
      .when(react(reposting, live, false))
      .then([{ type: 'TweetUnreposted', data: { tweet_id: TWEET, author_id: AUTHOR, user_id: FAN.userId } }]);
    expect(undone.state.on).toBe(false);
    // Reposting again is a new placement in timelines, never the old one.
    const second = reposts([reposted, ...undone.appended])
      .when(react(reposting, live, true))
      .then([expect.objectContaining({ type: 'TweetReposted' })]);
    const ids = [first.appended[0]!.data, second.appended[0]!.data].map((d) => (d as { repost_id: string }).repost_id);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('cannot repost twice, and undoing what is not reposted appends nothing', () => {
    reposts([reposted])
      .when(react(reposting, live, true))
      .thenNothing();
    reposts()
      .when(react(reposting, live, false))
      .thenNothing();
  });

  it('one may repost one’s own tweet', () => {
    const own = { ...FAN, userId: AUTHOR };
    const decide = ({ state }: Loaded<ReactionState>) =>
      state.on ? [] : [reposting.event(true, live.state, own, TWEET)];
    given(repost, repostStream(TWEET, AUTHOR))
      .when(decide)
      .then([{ type: 'TweetReposted', data: expect.objectContaining({ user_id: AUTHOR, author_id: AUTHOR }) }]);
  });

  it('refuses a deleted tweet', () => {
    reposts()
      .when(react(reposting, given(tweet, tweetStream(TWEET), [posted, deleted]), true))
      .thenRefused(404);
  });

  it('is not a like: each reaction folds only its own events', () => {
    expect(given(repost, repostStream(TWEET, FAN.userId), [liked]).state.on).toBe(false);
    expect(given(like, likeStream(TWEET, FAN.userId), [reposted]).state.on).toBe(false);
    expect(repostStream(TWEET, FAN.userId)).not.toBe(likeStream(TWEET, FAN.userId));
  });
});
