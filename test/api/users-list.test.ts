import type { User } from '@starling/sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoSecrets, expectProblem, nextLink } from '../support/assertions.js';
import { inEachStorageMode, startStarling, type Starling } from '../support/starling.js';

const PASSWORD = 'list users password';
const USERS = 25;

inEachStorageMode('GET /api/v1/users', (mode) => {
  let s: Starling;
  const created: User[] = [];
  beforeAll(async () => {
    s = await startStarling(mode);
    for (let i = 0; i < USERS; i++) {
      const username = `lister_${String(i).padStart(2, '0')}`;
      const res = await s.request({
        method: 'POST',
        url: '/api/v1/users',
        json: { username, email: `${username}@example.com`, password: PASSWORD },
      });
      if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.body}`);
      created.push(res.json());
    }
  });
  afterAll(async () => s?.close());

  const list = async (url: string) => {
    const res = await s.request({ url });
    expect(res.statusCode, res.body).toBe(200);
    return { res, users: (res.json() as { user_list: User[] }).user_list };
  };

  it('answers {"user_list": [...]}, oldest first, 20 by default', async () => {
    const { res, users } = await list('/api/v1/users');
    expect(Object.keys(res.json())).toEqual(['user_list']);
    expect(users.map((u) => u.id)).toEqual(created.slice(0, 20).map((u) => u.id));
    expect(users.map((u) => u.username)).toEqual(created.slice(0, 20).map((u) => u.username));
    for (const user of users) expect(user).not.toHaveProperty('email');
    expect(nextLink(res)).toBeDefined();
    expectNoSecrets(res.body, PASSWORD);
  });

  it('honours limit, up to 100', async () => {
    expect((await list('/api/v1/users?limit=1')).users.map((u) => u.id)).toEqual([created[0]!.id]);
    const { res, users } = await list('/api/v1/users?limit=100');
    expect(users.map((u) => u.id)).toEqual(created.map((u) => u.id));
    expect(res.headers.link).toBeUndefined();
  });

  it('rejects limit=0, 101 and abc with 400 naming limit', async () => {
    for (const limit of ['0', '101', 'abc', '-1', '2.5']) {
      expectProblem(await s.request({ url: `/api/v1/users?limit=${limit}` }), 400, ['limit']);
    }
  });

  it('rejects a cursor it did not issue with 400', async () => {
    for (const cursor of ['garbage', 'e30', encodeURIComponent('!!!'), 'eyJrIjoxfQ']) {
      expectProblem(await s.request({ url: `/api/v1/users?cursor=${cursor}` }), 400, ['cursor']);
    }
  });

  it('pages with Link rel="next" until the last page, yielding every user exactly once', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/api/v1/users?limit=7';
    let pages = 0;
    while (url) {
      const { res, users } = await list(url);
      pages += 1;
      expect(users.length).toBeLessThanOrEqual(7);
      seen.push(...users.map((u) => u.id));
      url = nextLink(res);
      if (url) {
        expect(users).toHaveLength(7);
        expect(url).toMatch(/^\/api\/v1\/users\?/);
        expect(new URL(url, 'http://x').searchParams.get('limit')).toBe('7');
      }
      expect(pages).toBeLessThanOrEqual(created.length);
    }
    expect(pages).toBe(Math.ceil(created.length / 7));
    expect(seen).toEqual(created.map((u) => u.id));
  });

  it('has no Link on the last page, even when that page is exactly full', async () => {
    const first = await list('/api/v1/users?limit=20');
    const last = await list(nextLink(first.res)!);
    expect(last.users.map((u) => u.id)).toEqual(created.slice(20).map((u) => u.id));
    expect(last.res.headers.link).toBeUndefined();

    const exact = await list(`/api/v1/users?limit=${created.length}`);
    expect(exact.users).toHaveLength(created.length);
    expect(exact.res.headers.link).toBeUndefined();
  });

  it('answers the users asked for by id and username in one page, in the order asked, each once', async () => {
    const [a, b, c] = [created[3]!, created[17]!, created[9]!];
    const query = [
      `id=${b.id}`,
      'id=01NOSUCHUSER0000000000000',
      `id=${a.id}`,
      `username=${c.username.toUpperCase()}`,
      `username=${a.username}`,
      'username=nobody_here',
    ].join('&');
    const { res, users } = await list(`/api/v1/users?${query}&limit=1`);
    expect(users.map((u) => u.username)).toEqual([b.username, a.username, c.username]);
    expect(users[0]).toMatchObject({ id: b.id, followers_count: 0, tweets_count: 0 });
    expect(res.headers.link).toBeUndefined();
    for (const user of users) expect(user).not.toHaveProperty('email');

    expect((await list(`/api/v1/users?id=${c.id}`)).users.map((u) => u.id)).toEqual([c.id]);
    expect((await list('/api/v1/users?username=nobody_here')).users).toEqual([]);
  });

  it('refuses more than 100 ids, or a cursor with them, with 400 naming the field', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `id=u${i}`).join('&');
    expectProblem(await s.request({ url: `/api/v1/users?${many}` }), 400, ['id']);
    const first = await list('/api/v1/users?limit=2');
    const cursor = new URL(nextLink(first.res)!, 'http://x').searchParams.get('cursor')!;
    expectProblem(
      await s.request({ url: `/api/v1/users?id=${created[0]!.id}&cursor=${encodeURIComponent(cursor)}` }),
      400,
      ['cursor'],
    );
  });

  it('does not repeat or skip users signed up while paging', async () => {
    const first = await list('/api/v1/users?limit=10');
    const late = await s.request({
      method: 'POST',
      url: '/api/v1/users',
      json: { username: 'late_lister', email: 'late_lister@example.com', password: PASSWORD },
    });
    expect(late.statusCode).toBe(201);
    const seen = first.users.map((u) => u.id);
    let url = nextLink(first.res);
    while (url) {
      const page = await list(url);
      seen.push(...page.users.map((u) => u.id));
      url = nextLink(page.res);
    }
    created.push(late.json());
    expect(seen).toEqual(created.map((u) => u.id));
  });
});
