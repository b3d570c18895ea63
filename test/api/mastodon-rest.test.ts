import { randomUUID } from 'node:crypto';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createRestAPIClient } from 'masto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inEachStorageMode, useStarling, type Starling } from '../support/starling.js';
import { openStreamingSocket, refusedUpgrade } from '../support/websocket.js';

/*
 * Mastodon's client API (docs/mastodon.md), as a Mastodon app sees it: the instance
 * documents, accounts, statuses, timelines paged Mastodon's way, search, the two paths
 * Starling shares with Mastodon (told apart by the token), and Mastodon's error shape.
 * Apps' tokens are minted here with the key identity signs with (AUTH_SIGNING_KEY), as
 * the OAuth server signs them: the caller's claims plus `scope` and `client_id`.
 */

let signingKey: CryptoKey;
let signingJwk = '';
beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  signingKey = pair.privateKey;
  signingJwk = JSON.stringify({ ...(await exportJWK(pair.privateKey)), kid: 'test' });
});

/** An app's token for a user, from their own session's claims. */
async function appToken(token: string, scope = 'read write follow'): Promise<string> {
  const claims = decodeJwt(token);
  return new SignJWT({ ...claims, scope, client_id: 'test-app' })
    .setProtectedHeader({ alg: 'ES256', kid: 'test', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(signingKey);
}

inEachStorageMode('Mastodon client API (REST)', (mode) => {
  const s = useStarlingWithKey(mode);
  const get = (url: string, token?: string) => s.request({ url, ...(token ? { token } : {}) });
  const post = (url: string, token: string, json: unknown = {}, headers: Record<string, string> = {}) =>
    s.request({ method: 'POST', url, token, json, headers });

  let ada: { id: string; token: string; username: string };
  let bob: { id: string; token: string; username: string };
  beforeAll(async () => {
    const prefix = randomUUID().slice(0, 6);
    ada = await s.signUp(`ada_${prefix}`);
    bob = await s.signUp(`bob_${prefix}`);
  });

  describe('instance', () => {
    it('reports a Mastodon-compatible version, the streaming URL and the real limits', async () => {
      const v2 = await get('/api/v2/instance');
      expect(v2.statusCode).toBe(200);
      expect(v2.json()).toMatchObject({
        version: expect.stringMatching(/^4\.3\.0 \(compatible; Starling /),
        configuration: {
          urls: { streaming: 'wss://starling.example' },
          statuses: { max_characters: 280, max_media_attachments: 4 },
          media_attachments: { description_limit: 1500, image_size_limit: 16 * 1024 * 1024 },
        },
      });
      const v1 = (await get('/api/v1/instance')).json();
      expect(v1).toMatchObject({ uri: 'starling.example', urls: { streaming_api: 'wss://starling.example' } });
      expect((await get('/.well-known/nodeinfo')).json().links[0].href).toBe('https://starling.example/nodeinfo/2.0');
      expect((await get('/nodeinfo/2.0')).json()).toMatchObject({ version: '2.0', software: { name: 'starling' } });
      expect((await get('/api/v1/custom_emojis')).json()).toEqual([]);
      expect((await get('/api/v1/preferences', ada.token)).json()).toMatchObject({
        'posting:default:visibility': 'public',
      });
    });
  });

  describe('accounts', () => {
    it('shows an account with its counts and the owner with `source`, and changes name and bio', async () => {
      const me = (await get('/api/v1/accounts/verify_credentials', ada.token)).json();
      expect(me).toMatchObject({ id: ada.id, username: ada.username, acct: ada.username, locked: false, source: {} });
      expect(me.avatar).toBe(`https://starling.example/mastodon/avatars/${ada.id}`);
      const changed = await s.request({
        method: 'PATCH',
        url: '/api/v1/accounts/update_credentials',
        token: ada.token,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'display_name=Ada%20L&note=Hello%20%3Cworld%3E',
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({
        display_name: 'Ada L',
        note: '<p>Hello &lt;world&gt;</p>',
        source: { note: 'Hello <world>' },
      });
      const avatar = await get(me.avatar.replace('https://starling.example', ''));
      expect(avatar.headers['content-type']).toBe('image/png');
      expect(avatar.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    });

    it('follows, unfollows and reports relationships; counts follow', async () => {
      const follow = await post(`/api/v1/accounts/${bob.id}/follow`, ada.token);
      expect(follow.json()).toMatchObject({ id: bob.id, following: true, followed_by: false, requested: false });
      const rel = await get(`/api/v1/accounts/relationships?id[]=${bob.id}&id[]=${ada.id}`, ada.token);
      expect(rel.json()).toEqual([
        expect.objectContaining({ id: bob.id, following: true, followed_by: false }),
        expect.objectContaining({ id: ada.id, following: false, followed_by: false }),
      ]);
      expect((await get(`/api/v1/accounts/${bob.id}`)).json()).toMatchObject({ followers_count: 1 });
      const followers = (await get(`/api/v1/accounts/${bob.id}/followers`)).json();
      expect(followers.map((a: { id: string }) => a.id)).toEqual([ada.id]);
      const lookup = (await get(`/api/v1/accounts/lookup?acct=@${bob.username.toUpperCase()}`)).json();
      expect(lookup.id).toBe(bob.id);
      expect((await post(`/api/v1/accounts/${bob.id}/unfollow`, ada.token)).json()).toMatchObject({ following: false });
      await post(`/api/v1/accounts/${bob.id}/follow`, ada.token);
    });
  });

  describe('statuses', () => {
    it('posts once per Idempotency-Key, with content as Mastodon renders it', async () => {
      const key = { 'idempotency-key': randomUUID() };
      const text = `Hi @${bob.username} see https://example.com/a?b=1. #Rust <b>&</b>\n\nnext\nline`;
      const first = await post('/api/v1/statuses', ada.token, { status: text, visibility: 'public' }, key);
      expect(first.statusCode).toBe(200);
      const again = await post('/api/v1/statuses', ada.token, { status: text }, key);
      expect(again.json().id).toBe(first.json().id);
      const status = first.json();
      expect(status.content).toBe(
        `<p>Hi <span class="h-card" translate="no"><a href="https://starling.example/u/${bob.username}" class="u-url mention">@<span>${bob.username}</span></a></span> ` +
          'see <a href="https://example.com/a?b=1" target="_blank" rel="nofollow noopener noreferrer" translate="no"><span class="invisible">https://</span><span class="">example.com/a?b=1</span></a>. ' +
          '<a href="https://starling.example/tags/Rust" class="mention hashtag" rel="tag">#<span>Rust</span></a> &lt;b&gt;&amp;&lt;/b&gt;</p><p>next<br />line</p>',
      );
      expect(status).toMatchObject({
        visibility: 'public',
        mentions: [{ id: bob.id, username: bob.username, acct: bob.username }],
        tags: [{ name: 'rust' }],
        account: { id: ada.id },
        reblog: null,
        favourited: false,
      });
      expect(status.text).toBeUndefined();
      const mine = (await get(`/api/v1/accounts/${ada.id}/statuses`)).json();
      expect(mine.filter((x: { id: string }) => x.id === status.id)).toHaveLength(1);
    });

    it('replies, shows the context, likes and reposts with counts and flags, deletes with text', async () => {
      const root = (await post('/api/v1/statuses', bob.token, { status: 'root' })).json();
      const reply = (await post('/api/v1/statuses', ada.token, { status: 'a reply', in_reply_to_id: root.id })).json();
      expect(reply).toMatchObject({ in_reply_to_id: root.id, in_reply_to_account_id: bob.id });
      const context = (await get(`/api/v1/statuses/${reply.id}/context`)).json();
      expect(context.ancestors.map((x: { id: string }) => x.id)).toEqual([root.id]);
      const liked = (await post(`/api/v1/statuses/${root.id}/favourite`, ada.token)).json();
      expect(liked).toMatchObject({ favourited: true, favourites_count: 1, replies_count: 1 });
      const reblog = (await post(`/api/v1/statuses/${root.id}/reblog`, ada.token)).json();
      expect(reblog).toMatchObject({
        account: { id: ada.id },
        reblog: { id: root.id, reblogged: true, reblogs_count: 1 },
      });
      expect(reblog.id).not.toBe(root.id);
      const by = (await get(`/api/v1/statuses/${root.id}/reblogged_by`)).json();
      expect(by.map((a: { id: string }) => a.id)).toEqual([ada.id]);
      const home = (await get('/api/v1/timelines/home?limit=5', ada.token)).json();
      expect(home[0]).toMatchObject({ id: reblog.id, reblog: { id: root.id } });
      expect((await post(`/api/v1/statuses/${root.id}/unfavourite`, ada.token)).json()).toMatchObject({
        favourited: false,
        favourites_count: 0,
      });
      const deleted = await s.request({ method: 'DELETE', url: `/api/v1/statuses/${reply.id}`, token: ada.token });
      expect(deleted.json()).toMatchObject({ id: reply.id, text: 'a reply' });
      const gone = await get(`/api/v1/statuses/${reply.id}`);
      expect(gone.statusCode).toBe(404);
      expect(gone.json()).toEqual({ error: expect.any(String) });
    });
  });

  describe('timelines', () => {
    it('pages with max_id, since_id and min_id, and Link names the next and previous pages', async () => {
      const tag = `page${randomUUID().slice(0, 6)}`;
      const ids: string[] = [];
      for (let i = 0; i < 5; i++)
        ids.push((await post('/api/v1/statuses', bob.token, { status: `${i} #${tag}` })).json().id);
      const newest = [...ids].reverse();
      const page = await get(`/api/v1/timelines/tag/${tag}?limit=2`);
      expect(page.json().map((x: { id: string }) => x.id)).toEqual(newest.slice(0, 2));
      const link = page.headers.link as string;
      expect(link).toContain(`max_id=${newest[1]}`);
      expect(link).toMatch(/rel="next", <[^>]*min_id=[^>]*>; rel="prev"/);
      const next = new URL(/<([^>]+)>; rel="next"/.exec(link)![1]!);
      const older = (await get(`${next.pathname}${next.search}`)).json();
      expect(older.map((x: { id: string }) => x.id)).toEqual(newest.slice(2, 4));
      const since = (await get(`/api/v1/timelines/tag/${tag}?since_id=${ids[1]}&limit=2`)).json();
      expect(since.map((x: { id: string }) => x.id)).toEqual(newest.slice(0, 2));
      const min = (await get(`/api/v1/timelines/tag/${tag}?min_id=${ids[1]}&limit=2`)).json();
      expect(min.map((x: { id: string }) => x.id)).toEqual([ids[3], ids[2]]);
      const pub = (await get(`/api/v1/timelines/public?local=true&max_id=${ids[4]}&limit=1`)).json();
      expect(pub[0].id).toBe(ids[3]);
    });
  });

  describe('search and the shared paths', () => {
    it('answers Mastodon search to an app token and Starling search otherwise', async () => {
      const app = await appToken(ada.token);
      await post('/api/v1/statuses', bob.token, { status: 'quokkas are great #quokka' });
      const mastodon = await get(`/api/v2/search?q=quokka`, app);
      expect(mastodon.statusCode).toBe(200);
      expect(mastodon.json()).toMatchObject({
        statuses: [expect.objectContaining({ content: expect.stringContaining('quokkas are great') })],
        hashtags: [{ name: 'quokka' }],
      });
      const accounts = (await get(`/api/v2/search?q=${bob.username}&type=accounts&resolve=true`, app)).json();
      expect(accounts).toMatchObject({ accounts: [{ id: bob.id }], statuses: [], hashtags: [] });
      const starling = await get(`/api/v2/search?q=quokka`, ada.token);
      expect(starling.json()).toMatchObject({ tweets_list: [expect.objectContaining({ body: expect.any(String) })] });
      const bad = await get(`/api/v2/search?q=quokka&type=hashtags`, ada.token);
      expect(bad.headers['content-type']).toMatch(/problem\+json/);
    });

    it('uploads media in Mastodon shape for an app token', async () => {
      const app = await appToken(ada.token);
      const boundary = 'x-boundary';
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64',
      );
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nA dot\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        png,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
      const uploaded = await s.request({ method: 'POST', url: '/api/v2/media', token: app, headers, payload });
      expect([200, 202]).toContain(uploaded.statusCode);
      expect(uploaded.json()).toMatchObject({ type: 'image', description: 'A dot', remote_url: null });
      expect(uploaded.json().state).toBeUndefined();
      const own = await s.request({ method: 'POST', url: '/api/v2/media', token: ada.token, headers, payload });
      expect(own.statusCode).toBe(202);
      expect(own.json().state).toEqual(expect.any(String)); // Starling's own shape
    });
  });

  describe('through masto, a Mastodon client library', () => {
    let base = '';
    afterAll(() => {
      if (base) s.platform.app.server.closeAllConnections();
    });
    beforeAll(async () => {
      await s.platform.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(s.platform.app.server.address() as { port: number }).port}`;
    });

    it('reads the instance and the account, posts, likes, reads the timeline and searches', async () => {
      const masto = createRestAPIClient({ url: base, accessToken: ada.token });
      expect((await masto.v2.instance.fetch()).version).toMatch(/^4\.3\.0/);
      expect((await masto.v1.accounts.verifyCredentials()).id).toBe(ada.id);
      const status = await masto.v1.statuses.create({ status: 'posted through masto #masto' });
      expect(status.content).toContain('posted through masto');
      expect((await masto.v1.statuses.$select(status.id).favourite()).favouritesCount).toBe(1);
      const home = await masto.v1.timelines.home.list({ limit: 5 });
      expect(home[0]).toMatchObject({ id: status.id, favourited: true });
      const [relationship] = await masto.v1.accounts.relationships.fetch({ id: [bob.id] });
      expect(relationship).toMatchObject({ id: bob.id, following: true });
      const tagged = await masto.v1.timelines.tag.$select('masto').list();
      expect(tagged.map((x) => x.id)).toContain(status.id);
      // Search at the shared path is Mastodon's for an app's token.
      const app = createRestAPIClient({ url: base, accessToken: await appToken(ada.token) });
      const found = await app.v2.search.list({ q: 'masto', type: 'hashtags' });
      expect(found.hashtags.map((t) => t.name)).toEqual(['masto']);
      const missing = await masto.v1.statuses
        .$select('01ARZ3NDEKTSV4RRFFQ69G5FAV')
        .fetch()
        .catch((err: unknown) => err);
      expect(missing).toMatchObject({ statusCode: 404 });
    });
    it('holds an app to its scopes on the stream too, whose token comes in the query', async () => {
      const ws = base.replace(/^http/, 'ws');
      const writeOnly = await appToken(ada.token, 'write:statuses');
      expect(await refusedUpgrade(`${ws}/api/v1/streaming?stream=public&access_token=${writeOnly}`)).toBe(403);
      const reader = await openStreamingSocket(
        `${ws}/api/v1/streaming?stream=public&access_token=${await appToken(ada.token, 'read')}`,
      );
      await reader.settled();
      reader.close();
    });
  });

  describe('errors', () => {
    it('are Mastodon-shaped on Mastodon paths: 401, 404, 422 and validation', async () => {
      const unauthorized = await get('/api/v1/timelines/home');
      expect(unauthorized.statusCode).toBe(401);
      expect(unauthorized.json()).toEqual({ error: expect.any(String) });
      const missing = await get('/api/v1/accounts/01ARZ3NDEKTSV4RRFFQ69G5FAV');
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual({ error: expect.any(String) });
      const blank = await post('/api/v1/statuses', ada.token, { status: '  ' });
      expect(blank.statusCode).toBe(422);
      expect(blank.json()).toEqual({ error: "Validation failed: Text can't be blank" });
      const invalid = await get('/api/v1/timelines/public?limit=0');
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().error).toContain('limit');
      const unknown = await get('/api/v1/accounts/x/nothing');
      expect(unknown.json()).toEqual({ error: expect.any(String) });
      expect((await get('/api/v1/users/nobody')).headers['content-type']).toMatch(/problem\+json/);
    });
  });
});

/** A Starling whose tokens are signed with the test's key, so the test can mint apps' tokens. */
function useStarlingWithKey(mode: { postgres: boolean; nats?: boolean }): Starling {
  const env: Record<string, string> = { PUBLIC_URL: 'https://starling.example' };
  // The key exists only once beforeAll has run: read it when the platform starts.
  return useStarling(
    mode,
    new Proxy(env, {
      get: (t, k) => (k === 'AUTH_SIGNING_KEY' ? signingJwk : t[k as string]),
      ownKeys: (t) => [...Reflect.ownKeys(t), 'AUTH_SIGNING_KEY'],
      getOwnPropertyDescriptor: (t, k) =>
        k === 'AUTH_SIGNING_KEY'
          ? { enumerable: true, configurable: true, value: signingJwk }
          : Reflect.getOwnPropertyDescriptor(t, k),
    }),
  );
}
