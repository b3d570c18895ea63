import { batchingRuns, type Consumer, type Db, type RecordedEvent } from '@starling/kit';
import { TweetDeleted, TweetLiked, TweetPosted, TweetReposted, parseEntities, payloadOf } from '@starling/events';
import { sql } from 'kysely';
import type { NotifyDb } from '../../tables.js';
import { liveTweetRow } from '../../directory/tweets.js';
import { announce, withdraw } from './announce.js';

/**
 * Replies, mentions, likes and reposts, from the tweets service's log.
 *
 * A like does not say whose tweet it liked, and the directory's `tweets` projection is
 * another consumer that may run behind this one. So this reactor keeps its own
 * `notification_tweets` (author, body, whether deleted), written in the same transaction
 * as its checkpoint from the TweetPosted and TweetDeleted it handles in log order: a like
 * always finds the tweet it follows in the log, and one of a tweet deleted before finds
 * it deleted and tells no one.
 */
export const tweetNotifications: Consumer = {
  name: 'notify.notifications.tweets',
  source: 'tweets',
  types: [TweetPosted.type, TweetLiked.type, TweetReposted.type, TweetDeleted.type],
  // A run of posts is recorded in one statement; only replies and mentions tell anyone.
  handleBatch: batchingRuns([TweetPosted.type], (run, trx) => posted(run, trx)),
  async handle(event, trx) {
    switch (event.type) {
      case TweetPosted.type:
        return posted([event], trx);
      case TweetLiked.type: {
        const { tweet_id, user_id } = payloadOf(TweetLiked, event);
        const tweet = await liveTweet(trx, tweet_id);
        if (tweet)
          await announce(trx, event, { recipient_id: tweet.author_id, type: 'like', actor_id: user_id, tweet_id });
        return;
      }
      case TweetReposted.type: {
        const { tweet_id, author_id, user_id } = payloadOf(TweetReposted, event);
        if (await liveTweet(trx, tweet_id))
          await announce(trx, event, { recipient_id: author_id, type: 'repost', actor_id: user_id, tweet_id });
        return;
      }
      case TweetDeleted.type: {
        const { tweet_id, author_id } = payloadOf(TweetDeleted, event);
        const db: NotifyDb = trx;
        await db
          .insertInto('notification_tweets')
          .values({ id: tweet_id, author_id, body: '', created_at: event.recordedAt, deleted: true })
          .onConflict((oc) => oc.column('id').doUpdateSet({ deleted: true, body: '' }))
          .execute();
        await withdraw(trx, event, { tweet_id });
        return;
      }
    }
  },
};

/** Posts recorded (one statement for the run), then what each tells, in log order. */
async function posted(events: RecordedEvent[], trx: Db): Promise<void> {
  const db: NotifyDb = trx;
  await db
    .insertInto('notification_tweets')
    .values(events.map(liveTweetRow))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  for (const event of events) await tell(event, trx);
}

/**
 * A reply tells the author replied to; a mention tells each account named, matched
 * case-insensitively through the directory's `accounts` (an account registered moments
 * before, not yet projected there, is not found: its name in the tweet stays a mention
 * nobody is told of). One notification per person: the author replied to who is also
 * mentioned gets the reply only.
 */
async function tell(event: RecordedEvent, trx: Db): Promise<void> {
  const tweet = payloadOf(TweetPosted, event);
  // Version 1 events carry no entities: they are parsed from the body, as readers do.
  const mentions = (tweet.entities ?? parseEntities(tweet.body)).mentions;
  if (!tweet.in_reply_to_author_id && mentions.length === 0) return;
  // A tombstone written first (its deletion came before) means there is nothing to tell.
  if (!(await liveTweet(trx, tweet.tweet_id))) return;

  const replyTo = tweet.in_reply_to_author_id;
  if (replyTo)
    await announce(trx, event, {
      recipient_id: replyTo,
      type: 'reply',
      actor_id: tweet.author_id,
      tweet_id: tweet.tweet_id,
    });

  const names = [...new Set(mentions.map((m) => m.username.toLowerCase()))];
  if (names.length === 0) return;
  const { rows } = await sql<{ id: string }>`
    select id from accounts where lower(username) = any(${names}::text[]) and not deleted order by id`.execute(trx);
  for (const { id } of rows) {
    if (id === replyTo) continue;
    await announce(trx, event, {
      recipient_id: id,
      type: 'mention',
      actor_id: tweet.author_id,
      tweet_id: tweet.tweet_id,
    });
  }
}

/**
 * The tweet as this reactor saw it posted; the directory is the fallback for one posted
 * before this reactor kept its own record. Undefined when deleted or unknown.
 */
async function liveTweet(trx: Db, id: string): Promise<{ author_id: string } | undefined> {
  const { rows } = await sql<{ author_id: string; deleted: boolean }>`
    select author_id, deleted, 0 as preference from notification_tweets where id = ${id}
    union all
    select author_id, deleted, 1 from tweets where id = ${id}
    order by preference
    limit 1`.execute(trx);
  const row = rows[0];
  return row && !row.deleted ? row : undefined;
}
