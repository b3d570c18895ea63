import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  appendToStream,
  isProjection,
  newId,
  readAfter,
  readStream,
  rebuildProjections,
  START,
  type Consumer,
  type Db,
  type Platform,
  type Projection,
  type RecordedEvent,
} from '@starling/kit';
import { actionsOf } from '../support/actions.js';
import { png, truncatedJpeg } from '../support/pictures.js';
import { PASSWORD, inEachStorageMode, startStarling, type Starling } from '../support/starling.js';

/** Every read model, by service (schema), with its primary key (comma-separated when composite). */
const READ_MODELS: Record<string, Record<string, string>> = {
  identity: {
    users: 'id',
    credentials: 'user_id',
    sessions: 'session_id',
    relationships: 'follower_id, followee_id',
    relationship_counts: 'user_id',
    authored_tweets: 'tweet_id',
    tweet_counts: 'user_id',
    oauth_apps: 'client_id',
    oauth_authorizations: 'authorization_id',
    external_identities: 'id',
  },
  tweets: {
    tweets: 'id',
    authors: 'id',
    likes: 'tweet_id, user_id',
    reposts: 'tweet_id, user_id',
    media_attachments: 'id',
  },
  media: { media: 'id' },
  notify: {
    accounts: 'id',
    tweets: 'id',
    notifications: 'notification_id',
    notification_markers: 'account_id',
    notification_removals: 'kind, id',
    email_preferences: 'account_id',
    webhooks: 'id',
  },
  graph: { users: 'id', follows: 'follower_id, followee_id' },
  mastodon: { markers: 'user_id, timeline' },
  timeline: {
    search_users: 'id',
    search_tweets: 'id',
    authors: 'id',
    tweets: 'id',
    likes: 'tweet_id, user_id',
    reposts: 'tweet_id, user_id',
    tweet_tags: 'tag_key, tweet_id',
    follows: 'follower_id, followee_id',
    follower_counts: 'user_id',
    home_entries: 'owner_id, entry_key',
    home_sizes: 'owner_id',
    pending_fanout: 'entry_key',
    media_attachments: 'id',
  },
};

/** Empty whenever every consumer has caught up, as in a snapshot. */
const EMPTY_WHEN_CAUGHT_UP = new Set(['timeline.pending_fanout']);

/**
 * A background projection and the one whose pending rows it takes up: the home fan-out
 * writes what `timeline.tweets` leaves in `pending_fanout` into the homes. Neither
 * alone makes the homes; replayed together (the first ahead, as it is live), they do.
 */
const REPLAYED_AFTER: Record<string, string> = { 'timeline.homes': 'timeline.tweets' };

interface Subscription {
  consumer: Projection;
  db: Db;
  owner: string;
}

/** The platform's projections, each background one folded into the one it follows (REPLAYED_AFTER). */
function replayUnits(platform: Platform): Subscription[] {
  const all = platform.subscriptions.filter((sub) => isProjection(sub.consumer)) as Subscription[];
  const followers = all.filter((sub) => REPLAYED_AFTER[sub.consumer.name]);
  return all
    .filter((sub) => !REPLAYED_AFTER[sub.consumer.name])
    .map((sub) => {
      const then = followers.find((f) => REPLAYED_AFTER[f.consumer.name] === sub.consumer.name);
      return then ? { ...sub, consumer: together(sub.consumer, then.consumer) } : sub;
    });
}

function together(first: Projection, then: Projection): Projection {
  const of = (p: Projection, events: RecordedEvent[]) => events.filter((e) => p.types.includes(e.type));
  const batch = async (p: Projection, events: RecordedEvent[], trx: Db) => {
    if (!events.length) return;
    if (p.handleBatch) return p.handleBatch(events, trx);
    for (const e of events) await p.handle(e, trx);
  };
  return {
    name: `${first.name}+${then.name}`,
    source: first.source,
    tables: [...new Set([...first.tables, ...then.tables])],
    types: [...new Set([...first.types, ...then.types])],
    async handle(event, trx) {
      if (first.types.includes(event.type)) await first.handle(event, trx);
      if (then.types.includes(event.type)) await then.handle(event, trx);
    },
    async handleBatch(events, trx) {
      await batch(first, of(first, events), trx);
      await batch(then, of(then, events), trx);
    },
  };
}

const dbOf = (platform: Platform, service: string) => platform.contexts.find((c) => c.name === service)!.db;

async function snapshotTables(db: Db, tables: Record<string, string>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(tables)) {
    out[table] = (
      await sql`select * from ${sql.table(table)} order by ${sql.join(key.split(',').map((k) => sql.ref(k.trim())))}`.execute(
        db,
      )
    ).rows;
  }
  return out;
}

async function snapshot(platform: Platform) {
  // Reactions to reactions (an account's deletion ends follows, which change counts)
  // are eventually consistent on the distributed bus: let them settle first.
  await platform.bus.drain();
  const out: Record<string, Record<string, unknown[]>> = {};
  for (const [service, tables] of Object.entries(READ_MODELS))
    out[service] = await snapshotTables(dbOf(platform, service), tables);
  return out;
}

const ROLLBACK = new Error('rollback');
/** Runs `fn` in a transaction that is always rolled back, so a test leaves no trace. */
async function inRolledBackTransaction(db: Db, fn: (trx: Db) => Promise<void>): Promise<void> {
  const outcome = await db
    .transaction()
    .execute(async (trx) => {
      await fn(trx);
      throw ROLLBACK;
    })
    .catch((err: unknown) => err);
  if (outcome !== ROLLBACK) throw outcome;
}

/** Users, tweets, replies, likes, reposts and their undoing (some of a tweet later deleted), a tweet deletion, follows and an unfollow, a profile and a password change, a logout, an account deletion. */
async function seedHistory(s: Starling): Promise<void> {
  const ok = async (o: Parameters<Starling['request']>[0], status: number) => {
    const res = await s.request(o);
    expect(res.statusCode, `${o.method} ${o.url}: ${res.body}`).toBe(status);
    return res;
  };
  const { postOk, followOk: follow, uploadOk } = actionsOf(s);
  const tweet = async (token: string, body: string) => (await postOk(token, body)).id;

  const ada = await s.signUp('replay_ada', PASSWORD);
  const bob = await s.signUp('replay_bob', PASSWORD);
  const cy = await s.signUp('replay_cy', PASSWORD);
  const adaOne = await tweet(ada.token, 'ada one');
  const doomed = await tweet(ada.token, 'ada two, deleted');
  const adaThree = await tweet(ada.token, 'ada three');
  const bobOne = await tweet(bob.token, 'bob one');
  const cyOne = await tweet(cy.token, 'cy one, gone with the account');
  const like = (token: string, id: string, method: 'POST' | 'DELETE' = 'POST') =>
    ok({ method, url: `/api/v2/tweets/${id}/like`, token }, 200);
  await like(bob.token, adaOne);
  await like(cy.token, adaOne);
  await like(ada.token, adaOne);
  await like(ada.token, adaOne, 'DELETE');
  await like(bob.token, doomed);
  await like(cy.token, adaThree);
  await like(cy.token, adaThree, 'DELETE');
  await like(cy.token, adaThree);
  await like(ada.token, bobOne);
  await like(ada.token, cyOne);
  // Replies (one to a tweet about to be deleted), reposts (own, undone and redone, of a
  // tweet about to go, by an account about to go), and a version 1 TweetPosted.
  const reply = (token: string, id: string, body: string) =>
    ok({ method: 'POST', url: '/api/v2/tweets', token, json: { body, in_reply_to_id: id } }, 201).then(
      (r) => r.json().id as string,
    );
  const bobReply = await reply(bob.token, adaOne, 'bob replies to @replay_ada #thread');
  await reply(ada.token, bobReply, 'ada answers bob');
  await reply(bob.token, doomed, 'bob replies to a tweet about to go');
  const repost = (token: string, id: string, method: 'POST' | 'DELETE' = 'POST') =>
    ok({ method, url: `/api/v2/tweets/${id}/repost`, token }, 200);
  await repost(bob.token, adaOne);
  await repost(cy.token, adaOne);
  await repost(ada.token, adaThree);
  await repost(ada.token, adaThree, 'DELETE');
  await repost(ada.token, adaThree);
  await repost(bob.token, doomed);
  await repost(ada.token, cyOne);
  const oldId = newId();
  await s.platform.contexts
    .find((c) => c.name === 'tweets')!
    .write((trx) =>
      appendToStream(trx, `tweet-${oldId}`, 0, [
        {
          type: 'TweetPosted',
          schemaVersion: 1,
          data: {
            tweet_id: oldId,
            author_id: bob.id,
            author_username: 'replay_bob',
            body: 'an old #Tweet by @replay_bob',
          },
        },
      ]),
    );
  // External identities: ada links two and unlinks one; cy's goes with the account.
  const identity = s.platform.contexts.find((c) => c.name === 'identity')!;
  const linked = (userId: string, identityId: string) => ({
    type: 'ExternalIdentityLinked',
    schemaVersion: 1,
    data: { identity_id: identityId, user_id: userId, provider: 'test', subject: identityId, email_verified: true },
  });
  for (const [userId, events] of [
    [
      ada.id,
      [
        linked(ada.id, 'ada-a'),
        linked(ada.id, 'ada-b'),
        {
          type: 'ExternalIdentityUnlinked',
          schemaVersion: 1,
          data: { identity_id: 'ada-a', user_id: ada.id, provider: 'test', subject: 'ada-a' },
        },
      ],
    ],
    [cy.id, [linked(cy.id, 'cy-a')]],
  ] as const) {
    await identity.write(async (trx) => {
      const stream = `user-${userId}`;
      await appendToStream(trx, stream, (await readStream(trx, stream)).length, [...events]);
    });
  }
  await ok({ method: 'DELETE', url: `/api/v2/tweets/${doomed}`, token: ada.token }, 204);
  await follow(ada.token, bob.id);
  await follow(bob.token, ada.id);
  await follow(bob.token, ada.id, 'DELETE');
  await follow(cy.token, ada.id);
  await follow(ada.token, cy.id);
  // Home timelines, in an order that a fan-out depending on the order it applies the graph's
  // and the tweets' logs would get wrong: ada stops and starts following bob around his
  // tweet, and bob's follow makes ada a big account for a while (FANOUT_MAX_FOLLOWERS=1).
  await follow(ada.token, bob.id, 'DELETE');
  const meanwhile = await tweet(bob.token, 'bob while unfollowed #meanwhile');
  await follow(bob.token, ada.id);
  const whileBig = await tweet(ada.token, 'ada while big');
  await follow(ada.token, bob.id);
  await follow(bob.token, ada.id, 'DELETE');
  await ok({ method: 'DELETE', url: `/api/v2/tweets/${meanwhile}`, token: bob.token }, 204);
  await ok({ method: 'DELETE', url: `/api/v2/tweets/${whileBig}`, token: ada.token }, 204);
  await ok(
    {
      method: 'PUT',
      url: `/api/v1/users/${ada.id}`,
      token: ada.token,
      json: { name: 'Ada L.', email: 'ada.l@example.com', bio: 'Counts everything.' },
    },
    200,
  );
  await ok(
    {
      method: 'PUT',
      url: `/api/v1/users/${bob.id}`,
      token: bob.token,
      json: { password: 'a new password', current_password: PASSWORD },
    },
    200,
  );
  await ok({ method: 'POST', url: '/api/v1/auth/logout', token: bob.token }, 204);
  // Pictures: one converted, described and attached; one that fails; one of an account deleted below.
  const uploadOf = async (token: string, bytes: Buffer, filename = 'p.png', type = 'image/png') =>
    (await uploadOk(token, [{ name: 'file', filename, type, bytes }])).id;
  const picture = await uploadOf(ada.token, await png());
  await uploadOf(ada.token, await truncatedJpeg(), 'p.jpg', 'image/jpeg');
  await uploadOf(cy.token, await png(10, 10));
  await ok({ method: 'PUT', url: `/api/v2/media/${picture}`, token: ada.token, json: { description: 'Blue' } }, 200);
  await ok(
    { method: 'POST', url: '/api/v2/tweets', token: ada.token, json: { body: 'a #picture', media_ids: [picture] } },
    201,
  );
  await s.platform.bus.drain();
  // Ada reads her notifications (made by notify's reactors, then projected: a drain each).
  for (let i = 0; i < 2; i++) await s.platform.bus.drain();
  await ok({ method: 'POST', url: '/api/v2/notifications/read', token: ada.token, json: {} }, 200);
  // A Mastodon client saves where Ada stopped reading, twice for home (version 2).
  for (const id of ['1', '2']) {
    await ok({ method: 'POST', url: '/api/v1/markers', token: ada.token, json: { home: { last_read_id: id } } }, 200);
  }
  await ok(
    { method: 'PUT', url: '/api/v2/notifications/preferences', token: ada.token, json: { email: { like: 'digest' } } },
    200,
  );
  // A public address written as such, so registering it needs no name lookup.
  await ok(
    {
      method: 'POST',
      url: '/api/v2/webhooks',
      token: ada.token,
      json: { url: 'https://93.184.215.14/hook', events: ['notification.follow'] },
    },
    201,
  );
  // Apps: two authorizations through the token endpoint, one revoked, and cy's ended with the account.
  const app = (
    await ok(
      {
        method: 'POST',
        url: '/api/v1/apps',
        json: { client_name: 'Replay', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob' },
      },
      200,
    )
  ).json<{ client_id: string; client_secret: string }>();
  const authorize = async (token: string) => {
    const { code } = (
      await ok(
        {
          method: 'POST',
          url: '/oauth/authorize',
          token,
          json: { client_id: app.client_id, redirect_uri: 'urn:ietf:wg:oauth:2.0:oob', approve: true },
        },
        200,
      )
    ).json<{ code: string }>();
    const payload = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'urn:ietf:wg:oauth:2.0:oob',
      client_id: app.client_id,
      client_secret: app.client_secret,
    });
    return (
      await ok(
        {
          method: 'POST',
          url: '/oauth/token',
          payload: payload.toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
        200,
      )
    ).json<{ access_token: string }>();
  };
  const adaApp = await authorize(ada.token);
  await authorize(cy.token);
  await ok(
    {
      method: 'POST',
      url: '/oauth/revoke',
      json: { client_id: app.client_id, client_secret: app.client_secret, token: adaApp.access_token },
    },
    200,
  );
  await ok({ method: 'DELETE', url: `/api/v1/users/${cy.id}`, token: cy.token }, 204);
  await ok(
    { method: 'POST', url: '/api/v1/auth/login', json: { username: 'replay_bob', password: 'a new password' } },
    200,
  );
}

/** Damages the read models, rebuilds them from the log and expects exactly what was there. */
async function rebuildAndCompare(s: Starling): Promise<void> {
  const before = await snapshot(s.platform);
  for (const [service, tables] of Object.entries(before)) {
    for (const [table, rows] of Object.entries(tables)) {
      if (EMPTY_WHEN_CAUGHT_UP.has(`${service}.${table}`)) expect(rows, `${service}.${table}`).toEqual([]);
      else expect(rows.length, `${service}.${table}`).toBeGreaterThan(0);
    }
  }
  expect(before.identity!.users!.map((u) => (u as { username: string }).username)).toEqual(
    expect.arrayContaining(['replay_ada', 'replay_bob']),
  );
  expect(before.identity!.users).toHaveLength(2);
  expect(before.tweets!.tweets).toHaveLength(8);
  // ada unliked her own; the deleted tweets' likes and cy's likes went with them.
  expect(before.tweets!.likes).toHaveLength(2);
  const counts = Object.fromEntries(
    before.tweets!.tweets!.map((t) => [(t as { body: string }).body, (t as { like_count: number }).like_count]),
  );
  expect(counts).toEqual({
    'ada one': 1,
    'ada three': 0,
    'bob one': 1,
    'bob replies to @replay_ada #thread': 0,
    'ada answers bob': 0,
    'bob replies to a tweet about to go': 0,
    'an old #Tweet by @replay_bob': 0,
    'a #picture': 0,
  });
  // ada's picture, converted and described, and the one that failed; cy's went with the account.
  const pictures = before.media!.media!.map((m) => (m as { state: string; description: string | null }).state).sort();
  expect(pictures).toEqual(['failed', 'ready']);
  expect(before.tweets!.media_attachments).toHaveLength(2);
  const tweetCounts = (t: { body: string; reply_count: number; repost_count: number }) => [
    t.body,
    t.reply_count,
    t.repost_count,
  ];
  expect(before.tweets!.tweets!.map((t) => tweetCounts(t as never)).filter(([, r, p]) => r || p)).toEqual([
    ['ada one', 1, 1],
    ['ada three', 0, 1],
    ['bob replies to @replay_ada #thread', 1, 0],
  ]);
  // bob's and ada's own reposts stand; cy's went with the account, the others with their tweets.
  expect(before.tweets!.reposts).toHaveLength(2);
  // cy's follows went with the account; bob unfollowed ada.
  expect(before.graph!.follows).toHaveLength(1);
  expect(before.graph!.users).toHaveLength(3);
  // identity's view of the same: ada follows bob, and cy's follows ended with the account.
  expect(before.identity!.relationships).toHaveLength(1);
  expect(before.identity!.users!.find((u) => (u as { bio: string }).bio === 'Counts everything.')).toBeDefined();
  expect(before.identity!.sessions!.some((row) => (row as { ended_at: unknown }).ended_at !== null)).toBe(true);
  const listBefore = (await s.request({ url: '/api/v2/tweets' })).json();

  // Damage the read models: a rebuild must not depend on what is in them.
  await sql`delete from tweets where body = 'ada one'`.execute(dbOf(s.platform, 'tweets'));
  await sql`update tweets set like_count = 7, reply_count = 7, repost_count = 7, entities = '{}'`.execute(
    dbOf(s.platform, 'tweets'),
  );
  await sql`insert into likes (tweet_id, user_id, username, liked_at) values ('bogus', 'nobody', 'x', now())`.execute(
    dbOf(s.platform, 'tweets'),
  );
  await sql`update users set name = 'Tampered'`.execute(dbOf(s.platform, 'identity'));
  await sql`delete from home_entries where kind = 'tweet'`.execute(dbOf(s.platform, 'timeline'));
  await sql`update relationship_counts set followers_count = 9`.execute(dbOf(s.platform, 'identity'));
  await sql`delete from authored_tweets`.execute(dbOf(s.platform, 'identity'));
  await sql`insert into follows (follower_id, followee_id, followed_at) values ('bogus', 'nobody', now())`.execute(
    dbOf(s.platform, 'graph'),
  );
  await sql`insert into sessions (session_id, user_id, expires_at) values ('bogus', 'nobody', now())`.execute(
    dbOf(s.platform, 'identity'),
  );
  expect(await snapshot(s.platform)).not.toEqual(before);

  const rebuilt = await rebuildProjections(s.platform);
  expect(rebuilt.map((r) => r.projection).sort()).toEqual(
    [
      'identity.apps',
      'identity.credentials',
      'identity.sessions',
      'identity.external-identities',
      'identity.users',
      'tweets.authors',
      'tweets.tweets',
      'graph.users',
      'graph.follows',
      'identity.relationships',
      'identity.tweet-counts',
      'timeline.search-users',
      'timeline.search-tweets',
      'timeline.authors',
      'timeline.tweets',
      'timeline.homes',
      'timeline.follows',
      'media.media',
      'tweets.attachments',
      'timeline.attachments',
      'notify.accounts',
      'notify.tweets',
      'notify.notifications',
      'notify.mail.preferences',
      'notify.webhooks',
      'mastodon.markers',
    ].sort(),
  );
  for (const r of rebuilt) expect(r.events).toBeGreaterThan(0);

  expect(await snapshot(s.platform)).toEqual(before);
  expect((await s.request({ url: '/api/v2/tweets' })).json()).toEqual(listBefore);
  const login = await s.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    json: { username: 'replay_bob', password: 'a new password' },
  });
  expect(login.statusCode).toBe(200);
}

inEachStorageMode('replaying the log', (mode) => {
  let s: Starling;

  beforeAll(async () => {
    s = await startStarling(mode);
    await seedHistory(s);
    await s.platform.bus.drain(); // reactions to reactions settle (the distributed bus)
  });
  afterAll(async () => s?.close());

  const projections = () => replayUnits(s.platform);
  const eventsFor = async (consumer: Consumer, db: Db): Promise<RecordedEvent[]> =>
    (await readAfter(db, consumer.source, START, 100_000)).filter((e) => consumer.types.includes(e.type));
  const tablesOf = (consumer: { tables: readonly string[] }, service: string) =>
    Object.fromEntries(consumer.tables.map((t) => [t, READ_MODELS[service]![t]!]));

  it('rebuildProjections recreates every read model exactly, even from tampered tables', async () => {
    // Its own instance: this test empties and refills the tables the other tests read.
    const own = await startStarling(mode);
    try {
      await seedHistory(own);
      await rebuildAndCompare(own);
    } finally {
      await own.close();
    }
  });

  it('a projection handed an event it already applied leaves its tables unchanged', async () => {
    for (const { consumer, db, owner } of projections()) {
      const tables = tablesOf(consumer, owner);
      const events = await eventsFor(consumer, db);
      expect(events.length, consumer.name).toBeGreaterThan(0);
      const live = await snapshotTables(db, tables);
      await inRolledBackTransaction(db, async (trx) => {
        for (const table of consumer.tables) await sql`delete from ${sql.table(table)}`.execute(trx);
        // Replay the log, delivering every event a second time right after the first.
        for (const event of events) {
          await consumer.handle(event, trx);
          const once = await snapshotTables(trx, tables);
          await consumer.handle(event, trx);
          expect(await snapshotTables(trx, tables), `${consumer.name} on ${event.type} v${event.version}`).toEqual(
            once,
          );
        }
        expect(await snapshotTables(trx, tables)).toEqual(live);
      });
    }
  });

  it('redelivering the whole log to every projection changes nothing', async () => {
    for (const { consumer, db, owner } of projections()) {
      const tables = tablesOf(consumer, owner);
      const events = await eventsFor(consumer, db);
      const live = await snapshotTables(db, tables);
      await inRolledBackTransaction(db, async (trx) => {
        for (const event of events) await consumer.handle(event, trx);
        expect(await snapshotTables(trx, tables), consumer.name).toEqual(live);
      });
    }
  });

  it('a projection given its log in batches (handleBatch) ends as it does one event at a time', async () => {
    const batched = projections().filter(({ consumer }) => consumer.handleBatch);
    expect(batched.map((p) => p.consumer.name).sort()).toEqual([
      'graph.follows',
      'identity.relationships',
      'identity.tweet-counts',
      'notify.tweets',
      'timeline.follows',
      'timeline.search-tweets',
      'timeline.tweets+timeline.homes',
      'tweets.tweets',
    ]);
    for (const { consumer, db, owner } of batched) {
      const tables = tablesOf(consumer, owner);
      const events = await eventsFor(consumer, db);
      const live = await snapshotTables(db, tables);
      // The whole log at once, and in batches of 3 that cut runs of posts and follows.
      for (const size of [events.length, 3]) {
        await inRolledBackTransaction(db, async (trx) => {
          for (const table of consumer.tables) await sql`delete from ${sql.table(table)}`.execute(trx);
          for (let i = 0; i < events.length; i += size) await consumer.handleBatch!(events.slice(i, i + size), trx);
          expect(await snapshotTables(trx, tables), `${consumer.name} in batches of ${size}`).toEqual(live);
        });
      }
    }
  });

  it('the account-deletions reactor appends nothing when a UserDeleted is redelivered', async () => {
    const { consumer, db } = s.platform.subscriptions.find((sub) => sub.consumer.name === 'tweets.account-deletions')!;
    const identity = dbOf(s.platform, 'identity');
    const deletions = await eventsFor(consumer, identity);
    expect(deletions).toHaveLength(1);
    const count = async (trx: Db) =>
      (await sql<{ n: number }>`select count(*)::int as n from events`.execute(trx)).rows[0]!.n;
    const before = await count(db);
    await inRolledBackTransaction(db, async (trx) => {
      await consumer.handle(deletions[0]!, trx);
      expect(await count(trx)).toBe(before);
    });
    const reasons = (await readAfter(db, 'tweets', START, 100_000))
      .filter((e) => e.type === 'TweetDeleted')
      .map((e) => (e.data as { reason: string }).reason)
      .sort();
    expect(reasons).toEqual(['account_deleted', 'author', 'author', 'author']);
  });
});

// The same history with a fan-out threshold of one follower, so ada is a big account for a
// while: home timelines must still be a function of the final follows, tweets and reposts.
inEachStorageMode('replaying the log with big accounts (FANOUT_MAX_FOLLOWERS=1)', (mode) => {
  let s: Starling;
  beforeAll(async () => {
    s = await startStarling(mode, { FANOUT_MAX_FOLLOWERS: '1', HOME_TIMELINE_LENGTH: '20' });
    await seedHistory(s);
    await s.platform.bus.drain(); // reactions to reactions settle (the distributed bus)
  });
  afterAll(async () => s?.close());

  it('each timeline projection rebuilds its tables from its own log alone, whatever the other log did', async () => {
    const timeline = replayUnits(s.platform).filter((sub) => sub.owner === 'timeline');
    for (const { consumer, db } of timeline) {
      const tables = Object.fromEntries(
        (consumer as Consumer & { tables: readonly string[] }).tables.map((t) => [t, READ_MODELS.timeline![t]!]),
      );
      // In commit order (transaction id as a number, then position).
      const events = (await readAfter(db, consumer.source, START, 100_000))
        .filter((e) => consumer.types.includes(e.type))
        .sort((a, b) => Number(BigInt(a.txId) - BigInt(b.txId)) || a.position - b.position);
      const live = await snapshotTables(db, tables);
      await inRolledBackTransaction(db, async (trx) => {
        for (const table of Object.keys(tables)) await sql`delete from ${sql.table(table)}`.execute(trx);
        for (const event of events) await consumer.handle(event, trx);
        expect(await snapshotTables(trx, tables), consumer.name).toEqual(live);
      });
      // And in one batch: the follows that make ada big and small again fall in one run.
      if (!consumer.handleBatch) continue;
      await inRolledBackTransaction(db, async (trx) => {
        for (const table of Object.keys(tables)) await sql`delete from ${sql.table(table)}`.execute(trx);
        await consumer.handleBatch!(events, trx);
        expect(await snapshotTables(trx, tables), `${consumer.name} in one batch`).toEqual(live);
      });
    }
  });

  it('rebuildProjections recreates every read model exactly', async () => {
    await rebuildAndCompare(s);
  });
});
