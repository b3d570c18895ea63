import {
  newEvent,
  parseEntities,
  payloadOf,
  TweetLiked,
  TweetPosted,
  TweetReposted,
  UserFollowed,
  UserRegistered,
} from '@starling/events';
import { importFollows } from '@starling/graph';
import { importRegistrations } from '@starling/identity';
import { deferAll, IN_LOG_ALREADY, type Platform } from '@starling/kit';
import { importTweetActivity, MAX_TWEET_LENGTH, tweetBody } from '@starling/tweets';
import type { SeedEvent } from '../seed/events.js';
import { catchUp, finishDeferred } from '../seed/phases.js';
import type { StarlingExport } from './format.js';
import type { ImportReport } from './report.js';
import { writeThrough } from './write-through.js';

const ACCOUNT_LEFT_OUT = 'an account of it was not imported';

/**
 * Brings a `starling export` file into this Starling through each service's own import:
 * accounts, then follows, then tweets, then likes and reposts, each projected before the
 * next is written (as `starling seed` does), every item with its own id and time, so
 * that what the API shows here is what it showed there. Run again, it writes only what
 * is missing (the services leave out streams in their log already).
 *
 * An account whose username or email belongs to another account here is left out, and
 * so is everything of it; a tweet whose body this Starling would refuse is left out,
 * and its likes and reposts with it. A reply keeps its link whether or not the tweet it
 * answers came too, as a reply to a deleted tweet does. Pictures are not carried over.
 */
export async function importStarlingExport(
  platform: Platform,
  data: StarlingExport,
  run: string,
  report: ImportReport,
): Promise<void> {
  const db = (service: string) => platform.contexts.find((c) => c.name === service)!.db;
  // The home timelines are built once at the end rather than per tweet, as after a seed.
  const deferred = deferAll(platform);
  const accounts = new Map(data.accounts.map((a) => [a.id, a]));
  const name = (id: string) => `@${accounts.get(id)?.username ?? id}`;

  // Accounts: those whose names are taken here are left out, with everything of theirs.
  const userEvents = byTime(data.accounts).map((a): SeedEvent => ({
    ...newEvent(UserRegistered, {
      user_id: a.id,
      username: a.username,
      email: a.email,
      name: a.name || a.username,
      ...(a.bio ? { bio: a.bio } : {}),
      // No hash: no password here, until a reset sets one (as for an external sign-in).
      password_hash: a.password_hash ?? '',
    }),
    actor: a.id,
    at: Date.parse(a.created_at),
  }));
  const present = new Set(accounts.keys());
  const accountSkips = await writeThrough('accounts', userEvents, run, (batch, options) =>
    importRegistrations(db('identity'), batch, options),
  );
  for (const { event, reason } of accountSkips) {
    const registered = payloadOf(UserRegistered, event);
    report.skip('account', `@${registered.username}`, reason);
    if (reason !== IN_LOG_ALREADY) present.delete(registered.user_id);
  }
  report.count('account', userEvents.length - accountSkips.length);
  await catchUp(platform, 'projecting accounts');

  // Follows, between accounts that are here.
  const followEvents: SeedEvent[] = [];
  for (const f of byTime(data.follows)) {
    const label = `${name(f.follower_id)} → ${name(f.followee_id)}`;
    if (!present.has(f.follower_id) || !present.has(f.followee_id)) report.skip('follow', label, ACCOUNT_LEFT_OUT);
    else if (f.follower_id === f.followee_id) report.skip('follow', label, 'an account cannot follow itself');
    else {
      followEvents.push({
        ...newEvent(UserFollowed, { follower_id: f.follower_id, followee_id: f.followee_id }),
        actor: f.follower_id,
        at: Date.parse(f.created_at),
      });
    }
  }
  const followSkips = await writeThrough('follows', followEvents, run, (batch, options) =>
    importFollows(db('graph'), batch, options),
  );
  for (const { event, reason } of followSkips) {
    const follow = payloadOf(UserFollowed, event);
    report.skip('follow', `${name(follow.follower_id)} → ${name(follow.followee_id)}`, reason);
  }
  report.count('follow', followEvents.length - followSkips.length);
  await catchUp(platform, 'projecting follows');

  // Tweets, oldest first, so that a reply is applied after the tweet it answers.
  const authorOf = new Map<string, string>();
  const tweetEvents: SeedEvent[] = [];
  let pictures = 0;
  for (const t of byTime(data.tweets)) {
    const hasMedia = (t.media?.length ?? 0) > 0;
    const body = tweetBody(t.body);
    if (!present.has(t.author_id)) {
      report.skip('tweet', t.id, "its author's account was not imported");
      continue;
    }
    if (body === undefined) {
      const blank = t.body.trim() === '';
      report.skip(
        'tweet',
        t.id,
        blank && hasMedia
          ? 'it is nothing but pictures, which are not imported'
          : `its body is not 1 to ${MAX_TWEET_LENGTH} characters`,
      );
      continue;
    }
    if (hasMedia) pictures++;
    authorOf.set(t.id, t.author_id);
    tweetEvents.push({
      ...newEvent(TweetPosted, {
        tweet_id: t.id,
        author_id: t.author_id,
        author_username: accounts.get(t.author_id)!.username,
        body,
        entities: parseEntities(body),
        ...(t.in_reply_to_id ? { in_reply_to_id: t.in_reply_to_id } : {}),
        ...(t.in_reply_to_id && t.in_reply_to_author_id ? { in_reply_to_author_id: t.in_reply_to_author_id } : {}),
      }),
      actor: t.author_id,
      at: Date.parse(t.created_at),
    });
  }
  report.note('tweets imported without their pictures (the export names them by URL)', pictures);
  const tweetSkips = await writeThrough('tweets', tweetEvents, run, (batch, options) =>
    importTweetActivity(db('tweets'), batch, options),
  );
  for (const { event, reason } of tweetSkips) report.skip('tweet', payloadOf(TweetPosted, event).tweet_id, reason);
  report.count('tweet', tweetEvents.length - tweetSkips.length);

  // Likes and reposts, of tweets that are here, by accounts that are here.
  const activity: SeedEvent[] = [];
  for (const l of data.likes) {
    const label = `${name(l.user_id)} on ${l.tweet_id}`;
    if (!authorOf.has(l.tweet_id)) report.skip('like', label, 'its tweet was not imported');
    else if (!present.has(l.user_id)) report.skip('like', label, ACCOUNT_LEFT_OUT);
    else {
      activity.push({
        ...newEvent(TweetLiked, {
          tweet_id: l.tweet_id,
          user_id: l.user_id,
          username: accounts.get(l.user_id)!.username,
        }),
        actor: l.user_id,
        at: Date.parse(l.created_at),
      });
    }
  }
  for (const r of data.reposts) {
    const label = `${name(r.user_id)} of ${r.tweet_id}`;
    if (!authorOf.has(r.tweet_id)) report.skip('repost', label, 'its tweet was not imported');
    else if (!present.has(r.user_id)) report.skip('repost', label, ACCOUNT_LEFT_OUT);
    else {
      activity.push({
        ...newEvent(TweetReposted, {
          tweet_id: r.tweet_id,
          author_id: authorOf.get(r.tweet_id)!,
          user_id: r.user_id,
          username: accounts.get(r.user_id)!.username,
          repost_id: r.repost_id,
        }),
        actor: r.user_id,
        at: Date.parse(r.created_at),
      });
    }
  }
  const activitySkips = await writeThrough('likes and reposts', byAt(activity), run, (batch, options) =>
    importTweetActivity(db('tweets'), batch, options),
  );
  for (const { event, reason } of activitySkips) {
    const liked = event.type === TweetLiked.type;
    const d = liked ? payloadOf(TweetLiked, event) : payloadOf(TweetReposted, event);
    report.skip(liked ? 'like' : 'repost', `${name(d.user_id)} ${liked ? 'on' : 'of'} ${d.tweet_id}`, reason);
  }
  const activitySkipped = (type: string) => activitySkips.filter((s) => s.event.type === type).length;
  report.count('like', activity.filter((e) => e.type === TweetLiked.type).length - activitySkipped(TweetLiked.type));
  report.count(
    'repost',
    activity.filter((e) => e.type === TweetReposted.type).length - activitySkipped(TweetReposted.type),
  );
  await catchUp(platform, 'projecting tweets');
  await finishDeferred(deferred);
}

/** Oldest first; the sort is stable, so items of the same time keep the file's order. */
const byTime = <T extends { created_at: string }>(items: readonly T[]) =>
  items
    .map((item) => ({ item, at: Date.parse(item.created_at) }))
    .sort((a, b) => a.at - b.at)
    .map((x) => x.item);

const byAt = (events: SeedEvent[]) => events.sort((a, b) => a.at - b.at);
