import type { Tweet, User } from '@starling/sdk';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, inEachStorageMode, natsNamespace } from '../support/starling.js';
import {
  CLI_DIST,
  killStarlings,
  runStarling as run,
  startServer,
  type StartedServer as Server,
} from '../support/process.js';

/*
 * `starling seed` as people run it: the built command (run `npm run build` after
 * changing the source), into a fresh embedded DATA_DIR or PostgreSQL database, checked
 * through the API of a `starling start` on the same storage afterwards.
 */
const PASSWORD = 'seeded-secret';
const SEED = ['seed', '--users', '30', '--tweets', '200', '--follows', '5', '--password', PASSWORD];

afterEach(killStarlings);

beforeAll(() => {
  if (!existsSync(CLI_DIST)) throw new Error(`${CLI_DIST} is missing: run \`npm run build\` before this suite.`);
});

describe('starling seed arguments', () => {
  it.each([
    [['--users', '0'], '--users'],
    [['--tweets', 'x'], '--tweets'],
    [['--users', '-3'], '--users'],
    [['--follows', '2.5'], '--follows'],
    [['--password', 'short'], '--password'],
    [['--colour', 'blue'], '--colour'],
    [['--users'], '--users'],
  ])('refuses %j with a non-zero exit and a message naming the option', async (args, option) => {
    // Checked before the database is opened: a bad DATABASE_URL would otherwise fail first.
    const result = await run(['seed', ...args], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr.split('\n')[0]).toContain(option);
    expect(result.stderr.split('\n')[0]).toMatch(/^starling seed: /);
    expect(result.stdout).toBe('');
  });

  it('prints its help', async () => {
    const result = await run(['seed', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--follows F');
  });
});

/** Every item of a paged list, following `Link: <…>; rel="next"`. */
async function all<T>(server: Server, path: string, key: string, token?: string): Promise<T[]> {
  const items: T[] = [];
  for (let next: string | undefined = path; next;) {
    const response = await server.api(next, { token });
    expect(response.status, next).toBe(200);
    items.push(...((await response.json()) as Record<string, T[]>)[key]!);
    next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
  }
  return items;
}

async function login(server: Server, username: string, password = PASSWORD): Promise<string> {
  const response = await server.api('/api/v1/auth/login', { method: 'POST', json: { username, password } });
  expect(response.status, `login as ${username}`).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

inEachStorageMode(
  'starling seed',
  (mode) => {
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0)) await cleanup();
    });

    /** Fresh storage: a temporary DATA_DIR, or a throwaway PostgreSQL database. */
    async function freshStorage(): Promise<Record<string, string>> {
      const dir = mkdtempSync(join(tmpdir(), 'starling-seed-'));
      const database = mode.postgres ? await createDatabase() : undefined;
      const bus = mode.nats ? natsNamespace() : undefined;
      cleanups.push(async () => {
        await database?.drop();
        await bus?.drop();
        rmSync(dir, { recursive: true, force: true });
      });
      return {
        DATA_DIR: dir,
        DATABASE_URL: database?.url ?? '',
        LOG_LEVEL: 'warn',
        LOGIN_RATE_LIMIT: '1000/60',
        ...bus?.env,
      };
    }

    it('writes people, a skewed follower graph, tweets, replies, likes and reposts that the API serves', async () => {
      const env = await freshStorage();
      const seeded = await run([...SEED, '--seed', 'alpha'], env);
      expect(seeded.code, seeded.stderr).toBe(0);
      expect(seeded.stdout).toMatch(/^Seeded 30 users, [\d,]+ follows, 200 tweets/);
      expect(seeded.stdout).toContain(`password: ${PASSWORD}`);
      // stderr is no terminal here: plain progress lines, no carriage returns.
      expect(seeded.stderr).toContain('projecting tweets: 100%');
      expect(seeded.stderr).not.toContain('\r');

      const server = await startServer(env);
      const users = await all<User>(server, '/api/v1/users?limit=100', 'user_list');
      expect(users).toHaveLength(30);
      expect(users.filter((u) => u.bio).length).toBeGreaterThan(10);
      const byName = new Map(users.map((u) => [u.username, u]));

      // Every seeded account logs in with the shared password.
      const ann = users[7]!;
      await login(server, ann.username);

      // A few accounts have far more followers than most.
      const followers = new Map<string, User[]>();
      for (const user of users) {
        followers.set(user.id, await all<User>(server, `/api/v1/users/${user.id}/followers?limit=100`, 'user_list'));
      }
      const counts = [...followers.values()].map((list) => list.length);
      expect(Math.max(...counts)).toBeGreaterThanOrEqual(3 * Math.max(1, median(counts)));
      expect(Math.max(...counts)).toBeGreaterThanOrEqual(10);

      // Tweets with hashtags and with mentions of seeded people, replies, likes, reposts.
      const tweets = await all<Tweet>(server, '/api/v2/tweets?limit=100', 'tweets_list');
      expect(tweets).toHaveLength(200);
      const tagged = tweets.filter((t) => t.entities.hashtags.length > 0);
      expect(tagged.length).toBeGreaterThan(50);
      const [first] = tagged[0]!.entities.hashtags;
      expect([...tagged[0]!.body].slice(first!.start, first!.end).join('')).toBe(`#${first!.tag}`);
      const mentions = tweets.flatMap((t) => t.entities.mentions.map((m) => m.username));
      expect(mentions.length).toBeGreaterThan(20);
      for (const username of mentions) expect(byName.has(username), username).toBe(true);
      const replies = tweets.filter((t) => t.in_reply_to_id);
      expect(replies.length).toBeGreaterThan(10);
      const ids = new Set(tweets.map((t) => t.id));
      for (const reply of replies) expect(ids.has(reply.in_reply_to_id!)).toBe(true);
      expect(tweets.reduce((sum, t) => sum + t.like_count, 0)).toBeGreaterThan(100);
      expect(tweets.reduce((sum, t) => sum + (t.repost_count ?? 0), 0)).toBeGreaterThan(5);

      // The seeded streams are the ones the commands use: undoing a seeded follow and a
      // seeded like through the API works (a wrong stream id would leave them standing).
      const [star, starFollowers] = [...followers.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
      const fan = starFollowers[0]!;
      const fanToken = await login(server, fan.username);

      // Homes are built once, after the tweets (docs/seeding.md), to the same effect as
      // fanning out each: the fan's home holds every tweet by them and by whom they follow.
      expect(seeded.stderr).toContain('building home timelines: 100%');
      const following = await all<User>(server, `/api/v1/users/${fan.id}/following?limit=100`, 'user_list');
      expect(following.map((u) => u.id)).toContain(star);
      const authors = new Set([fan.username, ...following.map((u) => u.username)]);
      const home = await all<Tweet & { reposted_by?: User }>(
        server,
        '/api/v2/timelines/home?limit=100',
        'tweets_list',
        fanToken,
      );
      expect(home.filter((t) => !t.reposted_by).map((t) => t.id)).toEqual(
        tweets.filter((t) => authors.has(t.tweetedby)).map((t) => t.id),
      );
      for (const entry of home.filter((t) => t.reposted_by)) expect(authors).toContain(entry.reposted_by!.username);
      const unfollowed = await server.api(`/api/v1/users/${star}/follow`, { method: 'DELETE', token: fanToken });
      expect(unfollowed.status).toBe(200);
      expect(await unfollowed.json()).toMatchObject({ following: false });
      const after = await all<User>(server, `/api/v1/users/${star}/followers?limit=100`, 'user_list');
      expect(after.map((u) => u.id)).not.toContain(fan.id);

      const liked = tweets.find((t) => t.like_count > 0)!;
      const [liker] = await all<User>(server, `/api/v2/tweets/${liked.id}/liked_by?limit=100`, 'user_list');
      const unliked = await server.api(`/api/v2/tweets/${liked.id}/like`, {
        method: 'DELETE',
        token: await login(server, liker!.username),
      });
      expect(unliked.status).toBe(200);
      expect(await unliked.json()).toMatchObject({ like_count: liked.like_count - 1, liked: false });

      const reposted = tweets.find((t) => (t.repost_count ?? 0) > 0)!;
      const [reposter] = await all<User>(server, `/api/v2/tweets/${reposted.id}/reposted_by?limit=100`, 'user_list');
      const unreposted = await server.api(`/api/v2/tweets/${reposted.id}/repost`, {
        method: 'DELETE',
        token: await login(server, reposter!.username),
      });
      expect(unreposted.status).toBe(200);
      expect(await unreposted.json()).toMatchObject({ repost_count: reposted.repost_count! - 1, reposted: false });

      // A seeded tweet is its author's to delete; a seeded username and email are taken.
      const own = tweets.find((t) => t.tweetedby === ann.username) ?? tweets[0]!;
      const authorToken = own.tweetedby === ann.username ? undefined : await login(server, own.tweetedby);
      const deleted = await server.api(`/api/v2/tweets/${own.id}`, {
        method: 'DELETE',
        token: authorToken ?? (await login(server, ann.username)),
      });
      expect(deleted.status).toBe(204);
      const clash = await server.api('/api/v1/users', {
        method: 'POST',
        json: { username: ann.username.toUpperCase(), email: 'someone.new@example.com', password: PASSWORD },
      });
      expect(clash.status).toBe(409);

      // Embedded, seeding while the server holds DATA_DIR is refused, and says why.
      if (!mode.postgres) {
        const refused = await run([...SEED, '--seed', 'alpha'], env);
        expect(refused.code).not.toBe(0);
        expect(refused.stderr).toMatch(/in use by another starling process/);
      }
      expect((await server.stop()).code).toBe(0);
    });

    it('gives the same people for the same --seed, and never reuses a taken username', async () => {
      const once = await freshStorage();
      const twice = await freshStorage();
      const args = [...SEED, '--users', '20', '--tweets', '20', '--seed', 'beta'];
      for (const env of [once, twice, twice]) {
        const seeded = await run(args, env);
        expect(seeded.code, seeded.stderr).toBe(0);
      }
      const usernames = async (env: Record<string, string>) => {
        const server = await startServer(env);
        const users = await all<User>(server, '/api/v1/users?limit=100', 'user_list');
        expect((await server.stop()).code).toBe(0);
        return users.map((u) => u.username);
      };
      const single = await usernames(once);
      const double = await usernames(twice);
      expect(single).toHaveLength(20);
      expect(double).toHaveLength(40);
      // The second run into the same database drew the same names, found them taken, and numbered them.
      expect(new Set(double.map((u) => u.toLowerCase())).size).toBe(40);
      for (const username of single) expect(double).toContain(username);
    });
  },
  { timeout: 240_000 },
);
