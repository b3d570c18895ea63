import {
  newEvent,
  payloadOf,
  TweetLiked,
  TweetPosted,
  UserFollowed,
  UserRegistered,
  UserUnfollowed,
} from '@starling/events';
import { importFollows } from '@starling/graph';
import { claimedNames, EMAIL_TAKEN, importRegistrations, USERNAME_TAKEN } from '@starling/identity';
import { appendNewStreams, IMPORT_ROWS_PER_STATEMENT, IN_LOG_ALREADY, idAt, readStream, type Db } from '@starling/kit';
import { importTweetActivity } from '@starling/tweets';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inEachStorageMode, startStarling, type Starling } from '../support/starling.js';

/*
 * The bulk imports `starling seed` writes through: the event store's appendNewStreams
 * and each service's import on top of it, which picks the stream its command uses.
 */
const at = (ms: number) => ({
  recordedAt: new Date(ms),
  metadata: { actor_id: 'importer', correlation_id: 'import-test' },
});

inEachStorageMode('bulk imports', (mode) => {
  let s: Starling;
  const db = (service: string): Db => s.platform.contexts.find((c) => c.name === service)!.db;
  beforeAll(async () => {
    s = await startStarling(mode);
  });
  afterAll(async () => s?.close());

  it('opens each stream at version 1, keeps its time and metadata, over more than one statement', async () => {
    const when = Date.parse('2026-01-02T03:04:05.678Z');
    const count = IMPORT_ROWS_PER_STATEMENT + 3;
    const streams = Array.from({ length: count }, () => `import-${idAt(when)}`);
    const events = Array.from({ length: count }, (_, n) => ({
      type: 'TestImported',
      data: { n },
      ...at(when + n),
    }));
    await db('tweets')
      .transaction()
      .execute((trx) => appendNewStreams(trx, events, (e) => streams[e.data.n]!));
    for (const n of [0, count - 1]) {
      const [recorded, ...more] = await readStream(db('tweets'), streams[n]!);
      expect(more).toEqual([]);
      expect(recorded).toMatchObject({
        version: 1,
        type: 'TestImported',
        schemaVersion: 1,
        data: { n },
        metadata: { actor_id: 'importer', correlation_id: 'import-test' },
      });
      expect(recorded!.recordedAt.toISOString()).toBe(new Date(when + n).toISOString());
    }
  });

  it('writes nothing of a batch in which a stream exists already', async () => {
    const tweet = idAt(Date.now());
    const posted = (id: string) => ({
      ...newEvent(TweetPosted, {
        tweet_id: id,
        author_id: 'someone',
        author_username: 'someone',
        body: 'imported',
        entities: { hashtags: [], mentions: [] },
      }),
      ...at(Date.now()),
    });
    await importTweetActivity(db('tweets'), [posted(tweet)]);
    const fresh = idAt(Date.now());
    const error = await importTweetActivity(db('tweets'), [posted(fresh), posted(tweet)]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '23505' });
    expect(await readStream(db('tweets'), `tweet-${fresh}`)).toEqual([]);
    expect(await readStream(db('tweets'), `tweet-${tweet}`)).toHaveLength(1);
  });

  it("puts each event in the stream its service's command uses", async () => {
    const [tweet, user, other] = [idAt(Date.now()), idAt(Date.now()), idAt(Date.now())];
    await importTweetActivity(db('tweets'), [
      { ...newEvent(TweetLiked, { tweet_id: tweet, user_id: user, username: 'fan' }), ...at(Date.now()) },
    ]);
    expect(await readStream(db('tweets'), `like-${tweet}-${user}`)).toHaveLength(1);
    await importFollows(db('graph'), [
      { ...newEvent(UserFollowed, { follower_id: user, followee_id: other }), ...at(Date.now()) },
    ]);
    expect(await readStream(db('graph'), `follow-${user}-${other}`)).toHaveLength(1);
  });

  it('refuses an event its service does not import, before writing any', async () => {
    const [user, other] = [idAt(Date.now()), idAt(Date.now())];
    const follow = { ...newEvent(UserFollowed, { follower_id: user, followee_id: other }), ...at(Date.now()) };
    const unfollow = { ...newEvent(UserUnfollowed, { follower_id: user, followee_id: other }), ...at(Date.now()) };
    await expect(importFollows(db('graph'), [follow, unfollow])).rejects.toThrow(/UserFollowed/);
    await expect(importTweetActivity(db('tweets'), [follow])).rejects.toThrow(/UserFollowed/);
    expect(await readStream(db('graph'), `follow-${user}-${other}`)).toEqual([]);
  });

  it('claims the names of imported accounts with their registration', async () => {
    const id = idAt(Date.now());
    const username = `Imported_${id.slice(-8)}`;
    const registered = {
      ...newEvent(UserRegistered, {
        user_id: id,
        username,
        email: `${username}@Example.com`,
        name: 'Imported',
        password_hash: 'scrypt$1$1$1$x$y',
      }),
      ...at(Date.now()),
    };
    await importRegistrations(db('identity'), [registered]);
    expect(await readStream(db('identity'), `user-${id}`)).toHaveLength(1);
    const claimed = await claimedNames(db('identity'));
    expect(claimed.usernames).toContain(username.toLowerCase());
    expect(claimed.emails).toContain(`${username}@example.com`.toLowerCase());
    // The same name again, under another id: refused whole, as a sign-up would be.
    const again = { ...registered, data: { ...registered.data, user_id: idAt(Date.now()) } };
    await expect(importRegistrations(db('identity'), [again])).rejects.toMatchObject({ code: '23505' });
  });

  it('run again (skipExisting), leaves out what is there and says why, and writes the rest', async () => {
    const registration = (username: string, email = `${username}@example.com`, id = idAt(Date.now())) => ({
      ...newEvent(UserRegistered, { user_id: id, username, email, name: username, password_hash: '' }),
      ...at(Date.now()),
    });
    const tag = idAt(Date.now()).slice(-6);
    const first = registration(`first_${tag}`);
    await importRegistrations(db('identity'), [first]);
    const fresh = registration(`fresh_${tag}`);
    const batch = [
      first,
      registration(`FIRST_${tag}`),
      registration(`other_${tag}`, `first_${tag}@example.com`),
      fresh,
      registration(`fresh_${tag}`.toUpperCase(), `again_${tag}@example.com`),
    ];
    const skipped = await importRegistrations(db('identity'), batch, { skipExisting: true });
    expect(skipped.map((s) => [batch.indexOf(s.event), s.reason])).toEqual([
      [0, IN_LOG_ALREADY],
      [1, USERNAME_TAKEN],
      [2, EMAIL_TAKEN],
      // Taken by an earlier account of the same call.
      [4, USERNAME_TAKEN],
    ]);
    expect(await readStream(db('identity'), `user-${payloadOf(UserRegistered, fresh).user_id}`)).toHaveLength(1);

    const posted = (id: string) => ({
      ...newEvent(TweetPosted, {
        tweet_id: id,
        author_id: 'someone',
        author_username: 'someone',
        body: 'imported',
        entities: { hashtags: [], mentions: [] },
      }),
      ...at(Date.now()),
    });
    const [old, latest] = [posted(idAt(Date.now())), posted(idAt(Date.now()))];
    await importTweetActivity(db('tweets'), [old]);
    const left = await importTweetActivity(db('tweets'), [old, latest, latest], { skipExisting: true });
    expect(left.map((s) => s.reason)).toEqual([IN_LOG_ALREADY, IN_LOG_ALREADY]);
    expect(await readStream(db('tweets'), `tweet-${latest.data.tweet_id}`)).toHaveLength(1);
  });
});
