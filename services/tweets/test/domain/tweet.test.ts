import { describe, expect, it } from 'vitest';
import { checkIfMatch, problems, type Caller, type Loaded } from '@starling/kit';
import { newEvent, TweetDeleted, TweetPosted } from '@starling/events';
import { given, requestWith } from '../../../../test/support/given-events.js';
import { tweet, tweetStream, type TweetState } from '../../src/domain/tweet.js';

const TWEET = 'tweet-1';
const AUTHOR = 'user-author';
const posted = newEvent(TweetPosted, { tweet_id: TWEET, author_id: AUTHOR, author_username: 'author', body: 'hello' });
const deletedBy = (reason: 'author' | 'admin' | 'account_deleted') =>
  newEvent(TweetDeleted, { tweet_id: TWEET, author_id: AUTHOR, reason });

const caller = (userId: string, role: Caller['role'] = 'user'): Caller => ({
  userId,
  username: userId,
  role,
  sessionId: 's',
  via: 'bearer',
  expiresAt: Date.now() + 60_000,
});

/** `deleteTweet`'s decision over the tweet's stream: live tweets only, by their author or an admin, at the version the client read. */
const deleteAs =
  (who: Caller, ifMatch?: string) =>
  ({ state, version }: Loaded<TweetState>) => {
    if (!state.exists || state.deleted) throw problems.notFound(`There is no tweet ${TWEET}.`);
    const isAuthor = state.authorId === who.userId;
    if (!isAuthor && who.role !== 'admin') throw problems.forbidden('Only its author may delete a tweet.');
    checkIfMatch(requestWith(ifMatch === undefined ? {} : { 'if-match': ifMatch }), version);
    return [
      newEvent(TweetDeleted, { tweet_id: TWEET, author_id: state.authorId, reason: isAuthor ? 'author' : 'admin' }),
    ];
  };

/** `postTweet`'s check of the parent of a reply: it must exist and not be deleted; its author travels with the reply. */
const replyTo = ({ state }: Loaded<TweetState>) => {
  if (!state.exists || state.deleted) {
    throw problems.validation([{ field: 'in_reply_to_id', reason: 'must be a tweet that exists and is not deleted' }]);
  }
  return [
    newEvent(TweetPosted, {
      tweet_id: 'reply',
      author_id: 'user-replier',
      author_username: 'replier',
      body: 're',
      in_reply_to_id: TWEET,
      in_reply_to_author_id: state.authorId,
    }),
  ];
};

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
      .when(deleteAs(caller(AUTHOR)))
      .then([{ type: 'TweetDeleted', data: { tweet_id: TWEET, author_id: AUTHOR, reason: 'author' } }]);
    expect(after).toMatchObject({ state: { deleted: true }, version: 2 });
  });

  it('is deleted by an admin, recorded as an admin’s deletion with the author still named', () => {
    given(tweet, tweetStream(TWEET), [posted])
      .when(deleteAs(caller('user-admin', 'admin')))
      .then([{ type: 'TweetDeleted', data: { tweet_id: TWEET, author_id: AUTHOR, reason: 'admin' } }]);
  });

  it('refuses deletion by anyone else', () => {
    given(tweet, tweetStream(TWEET), [posted])
      .when(deleteAs(caller('user-other')))
      .thenRefused(403, /author/);
  });

  it('cannot be deleted twice, nor before it exists', () => {
    for (const reason of ['author', 'admin', 'account_deleted'] as const) {
      given(tweet, tweetStream(TWEET), [posted, deletedBy(reason)])
        .when(deleteAs(caller(AUTHOR)))
        .thenRefused(404);
    }
    given(tweet, tweetStream(TWEET))
      .when(deleteAs(caller(AUTHOR)))
      .thenRefused(404);
  });

  it('is deleted only at the version the client read (If-Match)', () => {
    const stream = given(tweet, tweetStream(TWEET), [posted]);
    stream.when(deleteAs(caller(AUTHOR), '"1"')).then([expect.objectContaining({ type: 'TweetDeleted' })]);
    stream.when(deleteAs(caller(AUTHOR), 'W/"1"')).then([expect.objectContaining({ type: 'TweetDeleted' })]);
    stream.when(deleteAs(caller(AUTHOR), '*')).then([expect.objectContaining({ type: 'TweetDeleted' })]);
    stream.when(deleteAs(caller(AUTHOR), '"0"')).thenRefused(412);
    stream.when(deleteAs(caller(AUTHOR), '"2"')).thenRefused(412);
  });

  it('takes replies while live, recording the parent’s author; refuses them once deleted', () => {
    given(tweet, tweetStream(TWEET), [posted])
      .when(replyTo)
      .then([
        {
          type: 'TweetPosted',
          data: expect.objectContaining({ in_reply_to_id: TWEET, in_reply_to_author_id: AUTHOR }),
        },
      ]);
    const refusal = given(tweet, tweetStream(TWEET), [posted, deletedBy('author')])
      .when(replyTo)
      .thenRefused(400);
    expect(refusal.errors).toEqual([{ field: 'in_reply_to_id', reason: expect.stringMatching(/not deleted/) }]);
    given(tweet, tweetStream(TWEET)).when(replyTo).thenRefused(400);
  });

  it('is unchanged by events it does not know, which still count in its version', () => {
    expect(given(tweet, tweetStream(TWEET), [posted, { type: 'TweetEdited', data: { body: 'x' } }])).toMatchObject({
      state: { exists: true, deleted: false, authorId: AUTHOR },
      version: 2,
    });
  });
});
