import { afterAll, expect, it } from 'vitest';
import { actionsOf } from '../support/actions.js';
import { openEventStream } from '../support/event-stream.js';
import { png, type FormPart } from '../support/pictures.js';
import { inEachStorageMode, useStarling } from '../support/starling.js';
import { openStreamingSocket, refusedUpgrade, type StreamMessage } from '../support/websocket.js';

interface Notification {
  id: string;
  type: string;
  created_at: string;
  account: { id: string; username: string };
  status?: { id: string; content: string };
}

const picture = async (): Promise<FormPart> => ({
  name: 'file',
  filename: 'a.png',
  type: 'image/png',
  bytes: await png(),
});

inEachStorageMode('Mastodon API: notifications, markers, media and streaming', (mode) => {
  const s = useStarling(mode);
  const { call, expectStatus, followOk, postOk, likeOk, repostOk, removeOk, uploadOk } = actionsOf(s);
  /** A notification is a reactor's answer to another service's event, projected in turn. */
  const settled = async () => {
    for (let i = 0; i < 3; i++) await s.platform.bus.drain();
  };
  const notifications = async (token: string, query = '') => {
    await settled();
    const res = await call({ url: `/api/v1/notifications${query}`, token });
    expect(res.statusCode, res.body).toBe(200);
    return { list: res.json() as Notification[], link: String(res.headers.link ?? '') };
  };
  const summary = (ns: Notification[]) => ns.map((n) => `${n.type}:${n.account.username}`);

  let base = '';
  afterAll(() => {
    if (base) s.platform.app.server.closeAllConnections();
  });
  const listening = async () => {
    if (!base) {
      await s.platform.app.listen({ port: 0, host: '127.0.0.1' });
      base = `127.0.0.1:${(s.platform.app.server.address() as { port: number }).port}`;
    }
    return base;
  };

  it('lists notifications in Mastodon types and shape, filtered by type and paged by ids', async () => {
    const ada = await s.signUp('ml_ada');
    const bob = await s.signUp('ml_bob');
    await settled();
    await followOk(bob.token, ada.id);
    await postOk(bob.token, 'hello @ml_ada');
    const own = await postOk(ada.token, 'my first post');
    await postOk(bob.token, 'nice one', own.id);
    await likeOk(bob.token, own.id);
    await repostOk(bob.token, own.id);

    const { list } = await notifications(ada.token);
    // A reply is a mention in Mastodon; a like a favourite, a repost a reblog.
    expect(summary(list)).toEqual([
      'reblog:ml_bob',
      'favourite:ml_bob',
      'mention:ml_bob',
      'mention:ml_bob',
      'follow:ml_bob',
    ]);
    const [reblog, favourite, , , follow] = list as [
      Notification,
      Notification,
      Notification,
      Notification,
      Notification,
    ];
    expect(reblog).toMatchObject({ account: { id: bob.id, username: 'ml_bob', acct: 'ml_bob' } });
    expect(reblog.status).toMatchObject({ id: own.id });
    expect(Date.parse(favourite.created_at)).toBeGreaterThan(0);
    expect(follow.status).toBeUndefined();

    expect(summary((await notifications(ada.token, '?types[]=mention')).list)).toEqual([
      'mention:ml_bob',
      'mention:ml_bob',
    ]);
    expect(summary((await notifications(ada.token, '?exclude_types[]=mention&exclude_types[]=follow')).list)).toEqual([
      'reblog:ml_bob',
      'favourite:ml_bob',
    ]);
    expect((await notifications(ada.token, '?types[]=poll')).list).toEqual([]);

    // Pages of two, back by max_id through Link rel="next", forward by min_id and since_id.
    const first = await notifications(ada.token, '?limit=2');
    expect(first.list.map((n) => n.id)).toEqual([list[0]!.id, list[1]!.id]);
    const next = /<([^>]+)>; rel="next"/.exec(first.link)?.[1];
    expect(next).toContain(`max_id=${list[1]!.id}`);
    const second = await notifications(ada.token, new URL(next!).search);
    expect(second.list.map((n) => n.id)).toEqual([list[2]!.id, list[3]!.id]);
    expect(second.link).toContain(`min_id=${list[2]!.id}>; rel="prev"`);
    const after = await notifications(ada.token, `?min_id=${list[4]!.id}&limit=2`);
    expect(after.list.map((n) => n.id)).toEqual([list[2]!.id, list[3]!.id]);
    const since = await notifications(ada.token, `?since_id=${list[2]!.id}&limit=2`);
    expect(since.list.map((n) => n.id)).toEqual([list[0]!.id, list[1]!.id]);

    // One, by id; another's is a 404.
    expect(await expectStatus({ url: `/api/v1/notifications/${follow.id}`, token: ada.token }, 200)).toEqual(follow);
    // Mastodon's error shape, which its clients show.
    expect(await expectStatus({ url: `/api/v1/notifications/${follow.id}`, token: bob.token }, 404)).toEqual({
      error: expect.any(String),
    });
    await expectStatus({ url: '/api/v1/notifications' }, 401);

    // Dismissing one removes it (the web app's list too); clearing removes the rest.
    await expectStatus({ method: 'POST', url: `/api/v1/notifications/${follow.id}/dismiss`, token: bob.token }, 404);
    expect(
      await expectStatus({ method: 'POST', url: `/api/v1/notifications/${follow.id}/dismiss`, token: ada.token }, 200),
    ).toEqual({});
    expect((await notifications(ada.token)).list.map((n) => n.id)).not.toContain(follow.id);
    const web = await expectStatus<{ notifications: Array<{ id: string }> }>(
      { url: '/api/v2/notifications', token: ada.token },
      200,
    );
    expect(web.notifications.map((n) => n.id)).not.toContain(follow.id);
    await expectStatus({ method: 'POST', url: '/api/v1/notifications/clear', token: ada.token }, 200);
    expect((await notifications(ada.token)).list).toEqual([]);
  });

  it('keeps markers per timeline, their version moving with them, and the web app reads notifications with them', async () => {
    const cy = await s.signUp('ml_cy');
    const dee = await s.signUp('ml_dee');
    await expectStatus({ url: '/api/v1/markers', token: cy.token }, 200).then((m) => expect(m).toEqual({}));
    await settled();
    await followOk(dee.token, cy.id);
    await settled();
    const [followed] = (await notifications(cy.token)).list as [Notification];

    const saved = await expectStatus<Record<string, { last_read_id: string; version: number; updated_at: string }>>(
      { method: 'POST', url: '/api/v1/markers', token: cy.token, json: { home: { last_read_id: '100' } } },
      200,
    );
    expect(saved).toEqual({ home: { last_read_id: '100', version: 1, updated_at: expect.any(String) } });
    // As a form, as many clients send it; the same id again leaves the version.
    const form = (body: string) =>
      call({
        method: 'POST',
        url: '/api/v1/markers',
        token: cy.token,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: body,
      });
    expect((await form(`home[last_read_id]=101&notifications[last_read_id]=${followed.id}`)).json()).toMatchObject({
      home: { last_read_id: '101', version: 2 },
      notifications: { last_read_id: followed.id, version: 1 },
    });
    expect((await form('home[last_read_id]=101')).json()).toMatchObject({ home: { version: 2 } });

    expect(await expectStatus({ url: '/api/v1/markers?timeline[]=home', token: cy.token }, 200)).toEqual({
      home: { last_read_id: '101', version: 2, updated_at: expect.any(String) },
    });
    expect(Object.keys(await expectStatus({ url: '/api/v1/markers', token: cy.token }, 200)).sort()).toEqual([
      'home',
      'notifications',
    ]);
    // Each user's own; the notifications marker moved the web app's read marker.
    expect(await expectStatus({ url: '/api/v1/markers', token: dee.token }, 200)).toEqual({});
    const unread = await expectStatus<{ count: number }>(
      { url: '/api/v2/notifications/unread_count', token: cy.token },
      200,
    );
    expect(unread.count).toBe(0);

    const bad = await call({ method: 'POST', url: '/api/v1/markers', token: cy.token, json: {} });
    expect(bad.statusCode).toBe(400);
    await expectStatus({ method: 'POST', url: '/api/v1/markers', json: { home: { last_read_id: '1' } } }, 401);
  });

  it("shows and describes the caller's uploads as Mastodon media attachments", async () => {
    const eve = await s.signUp('ml_eve');
    const fay = await s.signUp('ml_fay');
    const uploaded = await uploadOk(eve.token, [await picture()]);
    await s.platform.bus.drain();

    const got = await call({ url: `/api/v1/media/${uploaded.id}`, token: eve.token });
    expect(got.statusCode, got.body).toBe(200);
    const media = got.json() as Record<string, unknown>;
    expect(media).toMatchObject({ id: uploaded.id, type: 'image', remote_url: null, description: null });
    expect(String(media.url)).toMatch(/^http:\/\//);
    expect(media.meta).toMatchObject({ original: { size: expect.stringMatching(/^\d+x\d+$/) } });
    await expectStatus({ url: `/api/v1/media/${uploaded.id}`, token: fay.token }, 404);

    const described = await expectStatus<Record<string, unknown>>(
      {
        method: 'PUT',
        url: `/api/v1/media/${uploaded.id}`,
        token: eve.token,
        json: { description: 'A square', focus: '0.5,-0.25' },
      },
      200,
    );
    expect(described).toMatchObject({ id: uploaded.id, description: 'A square' });
    expect(await expectStatus({ url: `/api/v1/media/${uploaded.id}`, token: eve.token }, 200)).toMatchObject({
      description: 'A square',
    });
    const badFocus = await call({
      method: 'PUT',
      url: `/api/v1/media/${uploaded.id}`,
      token: eve.token,
      json: { focus: '3,0' },
    });
    expect(badFocus.statusCode).toBe(400);
    await expectStatus(
      { method: 'PUT', url: `/api/v1/media/${uploaded.id}`, token: fay.token, json: { description: 'x' } },
      404,
    );
  });

  it('streams posts, reposts, deletions and notifications over a WebSocket, as subscribed', async () => {
    const host = await listening();
    const gil = await s.signUp('ml_gil');
    const hal = await s.signUp('ml_hal');
    const ivy = await s.signUp('ml_ivy');
    await settled();
    await followOk(gil.token, hal.id);
    await settled();

    const refused = await refusedUpgrade(`ws://${host}/api/v1/streaming?stream=user&access_token=not-a-token`);
    expect(refused).toBe(401);
    expect(await refusedUpgrade(`ws://${host}/api/v1/streaming?stream=user`)).toBe(401);

    // The token in the query, subscribed from the start; then more streams by message.
    const ws = await openStreamingSocket(`ws://${host}/api/v1/streaming?access_token=${gil.token}&stream=user`);
    ws.send({ type: 'subscribe', stream: 'hashtag', tag: 'Birds' });
    await ws.settled();

    const isUpdate = (stream: string, id: string) => (m: StreamMessage) =>
      m.event === 'update' && m.stream?.[0] === stream && (JSON.parse(m.payload!) as { id: string }).id === id;
    const mine = await postOk(gil.token, 'my own post');
    const followed = await postOk(hal.token, 'from someone I follow');
    const tagged = await postOk(ivy.token, 'a stranger on #birds');
    const seen = await ws.next(isUpdate('user', mine.id));
    expect(JSON.parse(seen.payload!)).toMatchObject({ id: mine.id, account: { id: gil.id } });
    await ws.next(isUpdate('user', followed.id));
    const hashtag = await ws.next(isUpdate('hashtag', tagged.id));
    expect(hashtag.stream).toEqual(['hashtag', 'birds']);
    // A stranger's post reaches the hashtag stream only, not the home one.
    expect(
      ws
        .events()
        .filter((m) => m.stream?.[0] === 'user')
        .map((m) => JSON.parse(m.payload!).id),
    ).toEqual([mine.id, followed.id]);

    // A repost by someone followed is an update whose `reblog` is the original.
    await repostOk(hal.token, tagged.id);
    const reblog = await ws.next(
      (m) => m.event === 'update' && m.stream?.[0] === 'user' && !!JSON.parse(m.payload!).reblog,
    );
    expect(JSON.parse(reblog.payload!)).toMatchObject({ account: { id: hal.id }, reblog: { id: tagged.id } });

    // A notification, in Mastodon's shape; a deletion, with the id as its payload.
    await followOk(ivy.token, gil.id);
    const notification = await ws.next((m) => m.event === 'notification');
    expect(JSON.parse(notification.payload!)).toMatchObject({ type: 'follow', account: { id: ivy.id } });
    await removeOk(hal.token, followed.id);
    const deleted = await ws.next((m) => m.event === 'delete');
    expect(deleted).toEqual({ stream: ['user'], event: 'delete', payload: followed.id });

    // Unsubscribed from the hashtag, public only: a tagged post arrives once, on public.
    ws.send({ type: 'unsubscribe', stream: 'hashtag', tag: 'birds' });
    ws.send({ type: 'subscribe', stream: 'public' });
    await ws.settled();
    const later = await postOk(ivy.token, 'more #birds');
    await ws.next(isUpdate('public', later.id));
    expect(
      ws
        .events()
        .filter((m) => m.payload?.includes(later.id))
        .map((m) => m.stream),
    ).toEqual([['public']]);
    ws.close();

    // The token as the subprotocol, as browsers send it.
    const viaProtocol = await openStreamingSocket(`ws://${host}/api/v1/streaming?stream=public`, {
      protocol: gil.token,
    });
    const seenThere = await postOk(hal.token, 'to the subprotocol client');
    await viaProtocol.next(isUpdate('public', seenThere.id));
    viaProtocol.close();
  });

  it('shows each connection a post and a repost as its own user sees them', async () => {
    const host = await listening();
    const ned = await s.signUp('ml_ned');
    const oli = await s.signUp('ml_oli');
    const kim = await s.signUp('ml_kim');
    const lee = await s.signUp('ml_lee');
    await settled();
    for (const follower of [kim, lee]) await followOk(follower.token, oli.id);
    const liked = await postOk(ned.token, 'worth a like');
    await likeOk(kim.token, liked.id);
    await settled();

    // Two connections for kim (a phone and a browser), one for lee.
    const open = (token: string) =>
      openStreamingSocket(`ws://${host}/api/v1/streaming?access_token=${token}&stream=user`);
    const sockets = [
      { user: kim, ws: await open(kim.token) },
      { user: kim, ws: await open(kim.token) },
      { user: lee, ws: await open(lee.token) },
    ];
    const fresh = await postOk(oli.token, 'new from oli');
    await repostOk(oli.token, liked.id);
    for (const { user, ws } of sockets) {
      const post = await ws.next((m) => m.event === 'update' && JSON.parse(m.payload!).id === fresh.id);
      expect(JSON.parse(post.payload!)).toMatchObject({ account: { id: oli.id }, favourited: false });
      const reblog = await ws.next((m) => m.event === 'update' && !!JSON.parse(m.payload!).reblog);
      expect(JSON.parse(reblog.payload!)).toMatchObject({
        account: { id: oli.id },
        reblog: { id: liked.id, favourited: user === kim, favourites_count: 1, reblogs_count: 1 },
      });
      // Each once, however many connections showed them.
      expect(ws.events().filter((m) => m.event === 'update')).toHaveLength(2);
      ws.close();
    }
  });

  it('closes a WebSocket once its token is revoked', async () => {
    const host = await listening();
    const jo = await s.signUp('ml_jo');
    const ws = await openStreamingSocket(`ws://${host}/api/v1/streaming?stream=public&access_token=${jo.token}`);
    const closed = ws.closed();
    await expectStatus({ method: 'POST', url: '/api/v1/auth/logout', token: jo.token }, 204);
    await s.platform.bus.drain();
    expect(await closed).toBe(1008);
  });

  it('delivers the same events as Server-Sent Events', async () => {
    const host = await listening();
    const kit = await s.signUp('ml_kit');
    const lou = await s.signUp('ml_lou');
    await settled();
    await followOk(kit.token, lou.id);
    await settled();
    const auth = { authorization: `Bearer ${kit.token}` };
    const user = await openEventStream(`http://${host}/api/v1/streaming/user`, auth);
    const pub = await openEventStream(`http://${host}/api/v1/streaming/public?access_token=${kit.token}`, {});
    const tag = await openEventStream(`http://${host}/api/v1/streaming/hashtag?tag=cats`, auth);
    expect(user.res.headers.get('content-type')).toMatch(/^text\/event-stream/);

    const post = await postOk(lou.token, 'hello #cats');
    for (const stream of [user, pub, tag]) {
      const [event] = await stream.waitFor(1);
      expect(event!.event).toBe('update');
      expect(JSON.parse(event!.data)).toMatchObject({ id: post.id });
    }
    await likeOk(lou.token, (await postOk(kit.token, 'like me')).id);
    const events = await user.waitFor(3);
    expect(events.map((e) => e.event)).toEqual(['update', 'update', 'notification']);
    expect(JSON.parse(events[2]!.data)).toMatchObject({ type: 'favourite', account: { id: lou.id } });
    await removeOk(lou.token, post.id);
    expect((await pub.waitFor(3)).at(-1)).toMatchObject({ event: 'delete', data: post.id });
    for (const stream of [user, pub, tag]) stream.close();

    const refused = await fetch(`http://${host}/api/v1/streaming/public?access_token=nope`);
    expect(refused.status).toBe(401);
  });
});
