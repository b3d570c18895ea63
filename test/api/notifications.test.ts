import { randomUUID } from 'node:crypto';
import type { components } from '@starling/sdk';
import { readStream, type RecordedEvent } from '@starling/kit';
import { notifyService } from '@starling/notify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actionsOf } from '../support/actions.js';
import { expectProblem, nextLink } from '../support/assertions.js';
import { contractChecker } from '../support/contract.js';
import { openEventStream } from '../support/event-stream.js';
import { inEachStorageMode, useStarling } from '../support/starling.js';

type Notification = components['schemas']['Notification'];

/** An open notification stream: its events as they come. */
const openStream = (base: string, token: string, lastEventId?: string) =>
  openEventStream(`${base}/api/v2/streaming/notifications`, {
    authorization: `Bearer ${token}`,
    ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
  });

inEachStorageMode('notifications API v2', (mode) => {
  const s = useStarling(mode, { STREAM_POLL_MS: '50', STREAM_HEARTBEAT_SECONDS: '1' });
  // Every answer of the notifications API is checked against the contract as well.
  let expectContract: ReturnType<typeof contractChecker> | undefined;
  beforeAll(async () => {
    expectContract = contractChecker((await s.request({ url: '/openapi.json' })).json());
  });
  const { call, followOk, postOk, likeOk, repostOk, removeOk, expectStatus } = actionsOf(s, (method, url, res) =>
    expectContract?.(method, url, res),
  );
  let base = '';
  afterAll(() => {
    if (base) s.platform.app.server.closeAllConnections();
  });
  const listening = async () => {
    if (!base) {
      await s.platform.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(s.platform.app.server.address() as { port: number }).port}`;
    }
    return base;
  };

  /**
   * Waits until the reactions have run too: a notification is made by a reactor from
   * another service's event, then projected from notify's own log, one drain each.
   */
  const settled = async () => {
    for (let i = 0; i < 3; i++) await s.platform.bus.drain();
  };
  const list = async (token: string, query = '') => {
    await settled();
    return (await expectStatus<{ notifications: Notification[] }>({ url: `/api/v2/notifications${query}`, token }, 200))
      .notifications;
  };
  const unread = async (token: string) => {
    await settled();
    return (await expectStatus<{ count: number }>({ url: '/api/v2/notifications/unread_count', token }, 200)).count;
  };
  const markRead = (token: string, json: { up_to_id?: string } = {}) =>
    call({ method: 'POST', url: '/api/v2/notifications/read', token, json });
  const dismiss = (token: string | undefined, id: string) =>
    call({ method: 'DELETE', url: `/api/v2/notifications/${id}`, ...(token ? { token } : {}) });
  const contextOf = (name: string) => s.platform.contexts.find((c) => c.name === name)!;
  const summary = (ns: Notification[]) => ns.map((n) => `${n.type}:${n.account?.username ?? '-'}`);

  it('tells of a follow, a mention, a reply, a like and a repost, with who did it and the tweet', async () => {
    const ada = await s.signUp('nt_ada');
    const bob = await s.signUp('nt_bob');
    await settled();
    await followOk(bob.token, ada.id);
    const mention = await postOk(bob.token, 'hello @NT_Ada, welcome');
    const own = await postOk(ada.token, 'my first tweet');
    const reply = await postOk(bob.token, 'nice one', own.id);
    await likeOk(bob.token, own.id);
    await repostOk(bob.token, own.id);

    const ns = await list(ada.token);
    expect(summary(ns)).toEqual(['repost:nt_bob', 'like:nt_bob', 'reply:nt_bob', 'mention:nt_bob', 'follow:nt_bob']);
    const [repost, like, replied, mentioned, followed] = ns as [
      Notification,
      Notification,
      Notification,
      Notification,
      Notification,
    ];
    for (const n of ns) {
      expect(n.account).toEqual({ id: bob.id, username: 'nt_bob', name: expect.any(String) });
      expect(n.read).toBe(false);
      expect(new Date(n.created_at).toISOString()).toBe(n.created_at);
    }
    const ownTweet = { id: own.id, author_id: ada.id, body: 'my first tweet', created_at: expect.any(String) };
    expect(repost.tweet).toEqual(ownTweet);
    expect(like.tweet).toEqual(ownTweet);
    expect(replied.tweet).toEqual({
      id: reply.id,
      author_id: bob.id,
      body: 'nice one',
      created_at: expect.any(String),
    });
    expect(mentioned.tweet).toMatchObject({ id: mention.id, author_id: bob.id, body: 'hello @NT_Ada, welcome' });
    expect(followed.tweet).toBeUndefined();
    // Newest first, by time-sortable ids.
    expect(ns.map((n) => n.id)).toEqual(
      ns
        .map((n) => n.id)
        .sort()
        .reverse(),
    );
    expect(await unread(ada.token)).toBe(5);
    // Bob is told of nothing: all of it was his own doing.
    expect(await list(bob.token)).toEqual([]);
  });

  it('tells a replied-to author once, of the reply, even when the reply also mentions them', async () => {
    const cy = await s.signUp('nt_cy');
    const dee = await s.signUp('nt_dee');
    const eve = await s.signUp('nt_eve');
    await settled();
    const tweet = await postOk(cy.token, 'a question');
    await postOk(dee.token, '@nt_cy @nt_eve @nt_dee @nobody_here yes', tweet.id);
    expect(summary(await list(cy.token))).toEqual(['reply:nt_dee']);
    expect(summary(await list(eve.token))).toEqual(['mention:nt_dee']);
    expect(await list(dee.token)).toEqual([]);
  });

  it('makes none for your own actions', async () => {
    const fay = await s.signUp('nt_fay');
    await settled();
    const tweet = await postOk(fay.token, 'talking to myself, @nt_fay');
    await postOk(fay.token, 'and replying to myself', tweet.id);
    await likeOk(fay.token, tweet.id);
    await repostOk(fay.token, tweet.id);
    expect(await list(fay.token)).toEqual([]);
    expect(await unread(fay.token)).toBe(0);
  });

  it('makes one notification per event, even when the event is delivered again, and none for one long past', async () => {
    const gus = await s.signUp('nt_gus');
    const hal = await s.signUp('nt_hal');
    await followOk(hal.token, gus.id);
    await settled();
    // The reactor is handed the same UserFollowed again, as a redelivery would.
    const [followed] = await readStream(contextOf('graph').db, `follow-${hal.id}-${gus.id}`);
    const reactor = notifyService()
      .consumers(contextOf('notify'))
      .find((c) => c.name === 'notify.notifications.follows')!;
    const handle = (event: RecordedEvent) =>
      contextOf('notify')
        .db.transaction()
        .execute((trx) => reactor.handle(event, trx));
    await handle(followed!);
    // A follow from long ago (an import keeps its time) tells no one.
    await handle({ ...followed!, eventId: randomUUID(), recordedAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) });
    await settled();
    expect(summary(await list(gus.token))).toEqual(['follow:nt_hal']);
  });

  it('removes the notifications of a deleted tweet and of a deleted account', async () => {
    const ida = await s.signUp('nt_ida');
    const jon = await s.signUp('nt_jon');
    const kim = await s.signUp('nt_kim');
    await settled();
    const kept = await postOk(ida.token, 'kept');
    const doomed = await postOk(ida.token, 'doomed');
    await likeOk(jon.token, kept.id);
    await likeOk(jon.token, doomed.id);
    await likeOk(kim.token, kept.id);
    await followOk(kim.token, ida.id);
    expect(summary(await list(ida.token))).toEqual(['follow:nt_kim', 'like:nt_kim', 'like:nt_jon', 'like:nt_jon']);

    await removeOk(ida.token, doomed.id);
    const afterTweet = await list(ida.token);
    expect(summary(afterTweet)).toEqual(['follow:nt_kim', 'like:nt_kim', 'like:nt_jon']);
    expect(afterTweet.every((n) => n.tweet === undefined || n.tweet.id === kept.id)).toBe(true);
    expect(await unread(ida.token)).toBe(3);

    const gone = await s.request({ method: 'DELETE', url: `/api/v1/users/${kim.id}`, token: kim.token });
    expect(gone.statusCode, gone.body).toBe(204);
    expect(summary(await list(ida.token))).toEqual(['like:nt_jon']);
    expect(await unread(ida.token)).toBe(1);

    // Nothing is made about a deleted tweet afterwards either.
    const later = await postOk(ida.token, 'short-lived');
    await removeOk(ida.token, later.id);
    const liked = await s.request({ method: 'POST', url: `/api/v2/tweets/${later.id}/like`, token: jon.token });
    expect(liked.statusCode).toBe(404);
    expect(summary(await list(ida.token))).toEqual(['like:nt_jon']);
  });

  it('filters by types[] and exclude_types[], one value or several', async () => {
    const lea = await s.signUp('nt_lea');
    const max = await s.signUp('nt_max');
    await settled();
    await followOk(max.token, lea.id);
    const tweet = await postOk(lea.token, 'filter me');
    await likeOk(max.token, tweet.id);
    await repostOk(max.token, tweet.id);
    await postOk(max.token, 'hey @nt_lea');
    const types = async (query: string) => (await list(lea.token, query)).map((n) => n.type);
    expect(await types('')).toEqual(['mention', 'repost', 'like', 'follow']);
    expect(await types('?types[]=like')).toEqual(['like']);
    expect(await types('?types[]=like&types[]=follow')).toEqual(['like', 'follow']);
    expect(await types('?exclude_types[]=mention')).toEqual(['repost', 'like', 'follow']);
    expect(await types('?exclude_types[]=mention&exclude_types[]=like')).toEqual(['repost', 'follow']);
    expect(await types('?types[]=reply')).toEqual([]);
    expectProblem(await s.request({ url: '/api/v2/notifications?types[]=shout', token: lea.token }), 400);
    expectProblem(await s.request({ url: '/api/v2/notifications?cursor=bogus', token: lea.token }), 400, ['cursor']);
  });

  it('pages newest first with Link rel="next", without gaps or repeats', async () => {
    const ned = await s.signUp('nt_ned');
    const fans = [];
    for (let i = 0; i < 5; i++) fans.push(await s.signUp(`nt_fan${i}`));
    await settled();
    for (const fan of fans) await followOk(fan.token, ned.id);
    await settled();
    const seen: string[] = [];
    let url: string | undefined = '/api/v2/notifications?limit=2';
    let pages = 0;
    while (url) {
      const res = await s.request({ url, token: ned.token });
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...(res.json() as { notifications: Notification[] }).notifications.map((n) => n.account!.username));
      url = nextLink(res);
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['nt_fan4', 'nt_fan3', 'nt_fan2', 'nt_fan1', 'nt_fan0']);
  });

  it('counts unread up to the read marker, which never moves back', async () => {
    const oli = await s.signUp('nt_oli');
    const pat = await s.signUp('nt_pat');
    await settled();
    const tweet = await postOk(oli.token, 'count me');
    await followOk(pat.token, oli.id);
    await likeOk(pat.token, tweet.id);
    await repostOk(pat.token, tweet.id);
    const [repost, like, follow] = (await list(oli.token)) as [Notification, Notification, Notification];
    expect(await unread(oli.token)).toBe(3);

    let res = await markRead(oli.token, { up_to_id: like.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ count: 1 });
    expect((await list(oli.token)).map((n) => n.read)).toEqual([false, true, true]);

    // An older one changes nothing: the marker stays at the like.
    res = await markRead(oli.token, { up_to_id: follow.id });
    expect(res.json()).toEqual({ count: 1 });
    expect(await unread(oli.token)).toBe(1);

    res = await markRead(oli.token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ count: 0 });
    expect((await list(oli.token)).every((n) => n.read)).toBe(true);
    expect(repost.id > like.id).toBe(true);

    // A new one is unread again.
    await postOk(pat.token, 'hi @nt_oli');
    expect(await unread(oli.token)).toBe(1);

    expectProblem(await markRead(oli.token, { up_to_id: 'NO_SUCH_NOTIFICATION' }), 404);
    expectProblem(await markRead(pat.token, { up_to_id: like.id }), 404);
    expectProblem(
      await s.request({ method: 'POST', url: '/api/v2/notifications/read', token: oli.token, json: { up_to: 'x' } }),
      400,
    );
    expect(await unread(oli.token)).toBe(1);
  });

  it('dismisses one of your own; another’s or an unknown one is a 404', async () => {
    const quin = await s.signUp('nt_quin');
    const ray = await s.signUp('nt_ray');
    await settled();
    await followOk(ray.token, quin.id);
    await followOk(quin.token, ray.id);
    const [theirs] = (await list(quin.token)) as [Notification];
    const [mine] = (await list(ray.token)) as [Notification];

    expectProblem(await dismiss(ray.token, theirs.id), 404);
    expectProblem(await dismiss(ray.token, 'NO_SUCH_NOTIFICATION'), 404);
    expectProblem(await dismiss(undefined, mine.id), 401);
    expect(await list(quin.token)).toHaveLength(1);

    const res = await dismiss(ray.token, mine.id);
    expect(res.statusCode, res.body).toBe(204);
    expect(await list(ray.token)).toEqual([]);
    expect(await unread(ray.token)).toBe(0);
    expectProblem(await dismiss(ray.token, mine.id), 404);
  });

  it('refuses callers without a token (401)', async () => {
    for (const [method, url] of [
      ['GET', '/api/v2/notifications'],
      ['GET', '/api/v2/notifications/unread_count'],
      ['POST', '/api/v2/notifications/read'],
      ['GET', '/api/v2/streaming/notifications'],
    ] as const) {
      const json = method === 'POST' ? { json: {} } : {};
      expectProblem(await call({ method, url, ...json }), 401);
      expectProblem(await call({ method, url, token: 'not-a-token', ...json }), 401);
    }
  });

  it('streams new notifications live, and resumes after Last-Event-ID', async () => {
    const url = await listening();
    const sam = await s.signUp('nt_sam');
    const tom = await s.signUp('nt_tom');
    const uma = await s.signUp('nt_uma');
    await settled();
    const stream = await openStream(url, sam.token);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);

    await followOk(tom.token, sam.id);
    const [first] = await stream.waitFor(1);
    expect(first!.event).toBe('notification');
    const followed = JSON.parse(first!.data) as Notification;
    expect(followed).toMatchObject({ type: 'follow', account: { id: tom.id, username: 'nt_tom' }, read: false });
    expect((await list(sam.token))[0]).toEqual(followed);
    stream.close();

    // Away: two more arrive, then the client comes back where it left off.
    await followOk(uma.token, sam.id);
    const tweet = await postOk(sam.token, 'streamed');
    await likeOk(tom.token, tweet.id);
    await settled();
    const resumed = await openStream(url, sam.token, first!.id);
    const events = await resumed.waitFor(2);
    const got = events.map((e) => JSON.parse(e.data) as Notification);
    expect(got.map((n) => `${n.type}:${n.account!.username}`)).toEqual(['follow:nt_uma', 'like:nt_tom']);
    expect(got[1]!.tweet).toMatchObject({ id: tweet.id, body: 'streamed' });
    expect(Number(events[0]!.id)).toBeGreaterThan(Number(first!.id));
    // Heartbeats keep it open; nobody else's notifications are on it.
    await postOk(sam.token, 'hey @nt_tom');
    await new Promise((r) => setTimeout(r, 1200));
    expect(resumed.events).toHaveLength(2);
    expect(resumed.comments).toContain('heartbeat');
    resumed.close();
  });
});
