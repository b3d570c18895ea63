import { describe, expect, it } from 'vitest';
import { checkExpectedVersion, type Caller, type Loaded } from '@starling/kit';
import { newEvent, TweetDeleted, TweetPosted } from '@starling/events';
import { callerOf, expectedOf, given } from '../../../../test/support/given-events.js';
import { decideDeletion, replyTo, tweet, tweetStream, type TweetState } from '../../src/domain/tweet.js';

const TWEET = 'tweet-1';
const AUTHOR = 'user-author';
const posted = newEvent(TweetPosted, { tweet_id: TWEET, author_id: AUTHOR, author_username: 'author', body: 'hello' });
const deletedBy = (reason: 'author' | 'admin' | 'account_deleted') =>
  newEvent(TweetDeleted, { tweet_id: TWEET, author_id: AUTHOR, reason });

/** `deleteTweet`'s decision: `decideDeletion`, then the version the client read (`If-Match`). */
const deleteAs =
  (who: Caller, ifMatch?: string) =>
  ({ state, version }: Loaded<TweetState>) => {
    const deleted = decideDeletion(state, TWEET, who);
    checkExpectedVersion(expectedOf(ifMatch), version);
    return [deleted];
  };

/** `postTweet`'s reply: `replyTo` checks the parent; its author travels with the reply. */
const replyToIt = ({ state }: Loaded<TweetState>) => [
  newEvent(TweetPosted, {
    tweet_id: 'reply',
    author_id: 'user-replier',
    author_username: 'replier',
    body: 're',
    ...replyTo(state, TWEET),
  }),
];

describe('a tweet', () => {
  it('knows its author from TweetPosted, and is live until deleted', () => {
    expect(given(tweet, tweetStream(TWEET), [posted])).toMatchObject({
      state: { exists: true, deleted: false, authorId: AUTHOR },
      version: 1,
    });
    expect(given(tweet, tweetStream(TWEET), [posted, deletedBy('author')])).toMatchObject({
      state: { exists: true, deleted: true, authorId: AUTHOR },
      version: 2,
    });
    expect(given(tweet, tweetStream(TWEET))).toMatchObject({ state: { exists: false, deleted: false }, version: 0 });
  });

  it('is deleted by its author, recorded as the author’s deletion', () => {
    const after = given(tweet, tweetStream(TWEET), [posted])
      .when(deleteAs(callerOf(AUTHOR)))
      .then([{ type: 'TweetDeleted', data: { tweet_id: TWEET, author_id: AUTHOR, reason: 'author' } }]);
    expect(after).toMatchObject({ state: { deleted: true }, version: 2 });
  });

  it('is deleted by an admin, recorded as an admin’s deletion with the author still named', () => {
    given(tweet, tweetStream(TWEET), [posted])
      .when(deleteAs(callerOf('user-admin', 'admin')))
      .then([{ type: 'TweetDeleted', data: { tweet_id: TWEET, author_id: AUTHOR, reason: 'admin' } }]);
  });

  it('refuses deletion by anyone else', () => {
    given(tweet, tweetStream(TWEET), [posted])
      .when(deleteAs(callerOf('user-other')))
      .thenRefused(403, /author/);
  });

  it('cannot be deleted twice, nor before it exists', () => {
    for (const reason of ['author', 'admin', 'account_deleted'] as const) {
      given(tweet, tweetStream(TWEET), [posted, deletedBy(reason)])
        .when(deleteAs(callerOf(AUTHOR)))
        .thenRefused(404);
    }
    given(tweet, tweetStream(TWEET))
      .when(deleteAs(callerOf(AUTHOR)))
      .thenRefused(404);
  });

  it('is deleted only at the version the client read (If-Match)', () => {
    const stream = given(tweet, tweetStream(TWEET), [posted]);
    stream.when(deleteAs(callerOf(AUTHOR), '"1"')).then([expect.objectContaining({ type: 'TweetDeleted' })]);
    stream.when(deleteAs(callerOf(AUTHOR), 'W/"1"')).then([expect.objectContaining({ type: 'TweetDeleted' })]);
    stream.when(deleteAs(callerOf(AUTHOR), '*')).then([expect.objectContaining({ type: 'TweetDeleted' })]);
    stream.when(deleteAs(callerOf(AUTHOR), '"0"')).thenRefused(412);
    stream.when(deleteAs(callerOf(AUTHOR), '"2"')).thenRefused(412);
  });

  it('takes replies while live, recording the parent’s author; refuses them once deleted', () => {
    given(tweet, tweetStream(TWEET), [posted])
      .when(replyToIt)
      .then([
        {
          type: 'TweetPosted',
          data: expect.objectContaining({ in_reply_to_id: TWEET, in_reply_to_author_id: AUTHOR }),
        },
      ]);
    const refusal = given(tweet, tweetStream(TWEET), [posted, deletedBy('author')])
      .when(replyToIt)
      .thenRefused(400);
    expect(refusal.errors).toEqual([{ field: 'in_reply_to_id', reason: expect.stringMatching(/not deleted/) }]);
    given(tweet, tweetStream(TWEET)).when(replyToIt).thenRefused(400);
  });

  it('is unchanged by events it does not know, which still count in its version', () => {
    expect(given(tweet, tweetStream(TWEET), [posted, { type: 'TweetEdited', data: { body: 'x' } }])).toMatchObject({
      state: { exists: true, deleted: false, authorId: AUTHOR },
      version: 2,
    });
  });
});
