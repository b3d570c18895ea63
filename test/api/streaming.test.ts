import type { Tweet } from '@starling/sdk';
import { afterAll, expect, it } from 'vitest';
import { actionsOf } from '../support/actions.js';
import { openEventStream, type SseEvent } from '../support/event-stream.js';
import { png } from '../support/pictures.js';
import { inEachStorageMode, startStarling, useStarling, type Starling } from '../support/starling.js';

const tweetOf = (e: SseEvent) => JSON.parse(e.data) as Tweet;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

inEachStorageMode(
  'home streaming API v2',
  (mode) => {
    // A low threshold: `st_star` with two followers is a big account, merged at read time.
    const s = useStarling(mode, { STREAM_POLL_MS: '50', STREAM_HEARTBEAT_SECONDS: '1', FANOUT_MAX_FOLLOWERS: '1' });
    let base = '';
    // fetch may leave a spare connection open that never sends a request, and a closing
    // server waits for those (up to headersTimeout): drop them once the tests are done.
    afterAll(() => {
      if (base) s.platform.app.server.closeAllConnections();
    });
    const ensureListening = async () => {
      if (!base) {
        await s.platform.app.listen({ port: 0, host: '127.0.0.1' });
        const address = s.platform.app.server.address() as { port: number };
        base = `http://127.0.0.1:${address.port}`;
      }
      return base;
    };
    const post = async (token: string, body: string) => {
      const res = await s.request({ method: 'POST', url: '/api/v2/tweets', token, json: { body } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const act = async (token: string, method: 'POST' | 'DELETE', url: string, status = 200) => {
      const res = await s.request({ method, url, token });
      expect(res.statusCode, res.body).toBe(status);
    };
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    it('sends an update event when a shown tweet’s picture changes (ready, described anew)', async () => {
      const url = await ensureListening();
      const cy = await s.signUp('st_cy');
      const dee = await s.signUp('st_dee');
      await act(dee.token, 'POST', `/api/v1/users/${cy.id}/follow`);
      const { id: mediaId } = await actionsOf(s).uploadOk(cy.token, [
        { name: 'file', filename: 'p.png', type: 'image/png', bytes: await png() },
      ]);
      const stream = await openEventStream(`${url}/api/v2/streaming/home`, bearer(dee.token));
      const posted = await s.request({
        method: 'POST',
        url: '/api/v2/tweets',
        token: cy.token,
        json: { body: 'with a picture', media_ids: [mediaId] },
      });
      expect(posted.statusCode, posted.body).toBe(201);
      await s.platform.bus.drain();
      const described = await s.request({
        method: 'PUT',
        url: `/api/v2/media/${mediaId}`,
        token: cy.token,
        json: { description: 'A blue square' },
      });
      expect(described.statusCode, described.body).toBe(200);
      const deadline = Date.now() + 5000;
      const lastShown = () =>
        stream.events
          .filter((e) => e.event === 'tweet' || e.event === 'update')
          .map(tweetOf)
          .filter((t) => t.body === 'with a picture')
          .at(-1)?.media_attachments[0];
      while (lastShown()?.description !== 'A blue square' && Date.now() < deadline) await pause(20);
      stream.close();
      expect(stream.events.filter((e) => e.event === 'tweet').map((e) => tweetOf(e).body)).toEqual(['with a picture']);
      expect(stream.events.some((e) => e.event === 'update')).toBe(true);
      expect(lastShown()).toMatchObject({ id: mediaId, state: 'ready', description: 'A blue square' });
    });

    it('401 without a valid token, before any stream starts', async () => {
      const url = await ensureListening();
      const anonymous = await fetch(`${url}/api/v2/streaming/home`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const bad = await fetch(`${url}/api/v2/streaming/home`, { headers: bearer('nope') });
      expect(bad.status).toBe(401);
    });

    it('sends tweet events (reposts with reposted_by, big accounts too) and delete events, with ids and heartbeats', async () => {
      const url = await ensureListening();
      const ada = await s.signUp('st_ada');
      const bob = await s.signUp('st_bob');
      const star = await s.signUp('st_star');
      const stranger = await s.signUp('st_stranger');
      await act(ada.token, 'POST', `/api/v1/users/${bob.id}/follow`);
      await act(ada.token, 'POST', `/api/v1/users/${star.id}/follow`);
      await act(bob.token, 'POST', `/api/v1/users/${star.id}/follow`);
      const stream = await openEventStream(`${url}/api/v2/streaming/home`, bearer(ada.token));
      expect(stream.res.status).toBe(200);
      expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);

      await post(stranger.token, 'not for ada');
      const b1 = await post(bob.token, 'bob 1');
      await post(star.token, 'star 1');
      await post(ada.token, 'ada 1');
      const s1 = await post(stranger.token, 'stranger 1, reposted by bob');
      await act(bob.token, 'POST', `/api/v2/tweets/${s1}/repost`);
      await act(bob.token, 'DELETE', `/api/v2/tweets/${b1}`, 204);
      const events = await stream.waitFor(4);
      const deadline = Date.now() + 5000;
      while (!events.some((e) => e.event === 'delete') && Date.now() < deadline) await pause(20);
      await pause(300);
      const shown = events.map((e) =>
        e.event === 'delete'
          ? `delete ${(JSON.parse(e.data) as { id: string }).id}`
          : `${tweetOf(e).body}${tweetOf(e).reposted_by ? ` <- ${tweetOf(e).reposted_by!.username}` : ''}`,
      );
      // Had bob 1 gone before a poll could show it, only its deletion would be sent.
      expect(shown.filter((x) => x !== 'bob 1')).toEqual([
        'star 1',
        'ada 1',
        'stranger 1, reposted by bob <- st_bob',
        `delete ${b1}`,
      ]);
      expect(events.filter((e) => e.event === 'delete').map((e) => JSON.parse(e.data))).toEqual([{ id: b1 }]);
      const ids = events.map((e) => Number(e.id));
      expect(ids.every((id) => Number.isInteger(id) && id > 0)).toBe(true);
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      const beats = Date.now() + 2500;
      while (!stream.comments.includes('heartbeat') && Date.now() < beats) await pause(50);
      expect(stream.comments).toContain('heartbeat');
      stream.close();
    });

    it('a reconnect with Last-Event-ID resumes after that event, in order of arrival, without loss', async () => {
      const url = await ensureListening();
      const eve = await s.signUp('st_eve');
      const fay = await s.signUp('st_fay');
      await act(eve.token, 'POST', `/api/v1/users/${fay.id}/follow`);
      const old = await post(fay.token, 'an older tweet, reposted later');
      // Cookie authentication works too.
      const first = await openEventStream(`${url}/api/v2/streaming/home`, { cookie: `starling_session=${eve.token}` });
      await post(fay.token, 'fay 1');
      const [seen] = await first.waitFor(1);
      expect(tweetOf(seen!).body).toBe('fay 1');
      first.close();

      await post(fay.token, 'fay 2');
      await act(fay.token, 'POST', `/api/v2/tweets/${old}/repost`);
      await post(eve.token, 'eve 1');
      const second = await openEventStream(`${url}/api/v2/streaming/home`, {
        ...bearer(eve.token),
        'last-event-id': seen!.id!,
      });
      const events = await second.waitFor(3);
      await pause(200);
      expect(events.map((e) => tweetOf(e).body)).toEqual(['fay 2', 'an older tweet, reposted later', 'eve 1']);
      expect(tweetOf(events[1]!).reposted_by).toMatchObject({ id: fay.id, username: 'st_fay' });
      second.close();

      // Without Last-Event-ID a stream starts from now.
      const third = await openEventStream(`${url}/api/v2/streaming/home`, bearer(eve.token));
      await pause(300);
      expect(third.events).toEqual([]);
      third.close();
    });
  },
  { timeout: 60_000 },
);

inEachStorageMode(
  'home streaming on shutdown',
  (mode) => {
    it('closing the platform ends open streams instead of waiting for them', async () => {
      const own: Starling = await startStarling(mode, { STREAM_POLL_MS: '50' });
      let closed = false;
      try {
        await own.platform.app.listen({ port: 0, host: '127.0.0.1' });
        const { port } = own.platform.app.server.address() as { port: number };
        const ada = await own.signUp('sd_ada');
        const stream = await openEventStream(`http://127.0.0.1:${port}/api/v2/streaming/home`, {
          authorization: `Bearer ${ada.token}`,
        });
        expect(stream.res.status).toBe(200);
        const started = Date.now();
        await own.close();
        closed = true;
        expect(Date.now() - started).toBeLessThan(3000);
        await stream.reading;
        expect(stream.ended).toBe(true);
      } finally {
        if (!closed) await own.close();
      }
    });
  },
  { timeout: 60_000 },
);
