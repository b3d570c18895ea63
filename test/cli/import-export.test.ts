import type { Tweet, User } from '@starling/sdk';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI_DIST, killStarlings, ROOT, runStarling as run } from '../support/process.js';
import {
  createDatabase,
  modeIsAvailable,
  modeTitle,
  PASSWORD,
  startStarling,
  storageModes,
  type Starling,
} from '../support/starling.js';

/*
 * `starling export` and `starling import` as people run them (the built command: run
 * `npm run build` after changing the source). A Starling on a temporary DATA_DIR (or
 * PostgreSQL database) gets accounts, follows, tweets, replies, a like, a repost, a
 * deletion and a profile change through its API; its export is imported into empty
 * storage, and the API of each must then show the same.
 */
const ARCHIVE = join(ROOT, 'test/fixtures/twitter/tweets.js');

afterEach(killStarlings);

beforeAll(() => {
  if (!existsSync(CLI_DIST)) throw new Error(`${CLI_DIST} is missing: run \`npm run build\` before this suite.`);
});

/** Every item of a paged list, following `Link: <…>; rel="next"`. */
async function all<T>(s: Starling, path: string, key: string, token?: string): Promise<T[]> {
  const items: T[] = [];
  for (let next: string | undefined = path; next;) {
    const response = await s.request({ url: next, ...(token ? { token } : {}) });
    expect(response.statusCode, `${next}: ${response.body}`).toBe(200);
    items.push(...(response.json() as Record<string, T[]>)[key]!);
    next = /<([^>]+)>;\s*rel="next"/.exec(String(response.headers.link ?? ''))?.[1];
  }
  return items;
}

async function login(s: Starling, username: string): Promise<string> {
  const response = await s.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    json: { username, password: PASSWORD },
  });
  expect(response.statusCode, `login as ${username}: ${response.body}`).toBe(200);
  return (response.json() as { access_token: string }).access_token;
}

/** What the API shows of a Starling: every list the export should carry across. */
async function apiView(s: Starling, usernames: string[]) {
  const users = await all<User>(s, '/api/v1/users?limit=100', 'user_list');
  const view: { users: User[]; people: Record<string, unknown> } = { users, people: {} };
  for (const username of usernames) {
    const user = users.find((u) => u.username === username)!;
    const tweets = await all<Tweet>(s, `/api/v2/tweets?tweetedby=${username}&limit=100`, 'tweets_list');
    view.people[username] = {
      tweets,
      following: await all<User>(s, `/api/v1/users/${user.id}/following?limit=100`, 'user_list'),
      home: await all<Tweet>(s, '/api/v2/timelines/home?limit=100', 'tweets_list', await login(s, username)),
      likers: await Promise.all(
        tweets.map((t) => all<User>(s, `/api/v2/tweets/${t.id}/liked_by?limit=100`, 'user_list')),
      ),
      reposters: await Promise.all(
        tweets.map((t) => all<User>(s, `/api/v2/tweets/${t.id}/reposted_by?limit=100`, 'user_list')),
      ),
    };
  }
  return view;
}

const PEOPLE = ['ann_import', 'ben_import', 'cat_import'];
/** An account with no tweets of its own, which the sample Twitter archive is imported as. */
const ROBIN = 'robin_birdwatch';

/** Accounts, follows, tweets, replies, a like, a repost, a deleted tweet and a changed bio, by the API. */
async function fill(s: Starling): Promise<void> {
  const [ann, ben, cat] = [await s.signUp(PEOPLE[0]!), await s.signUp(PEOPLE[1]!), await s.signUp(PEOPLE[2]!)];
  await s.signUp(ROBIN);
  const call = async (token: string, method: 'POST' | 'PUT' | 'DELETE', url: string, json?: object) => {
    const response = await s.request({ method, url, token, ...(json ? { json } : {}) });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.statusCode === 204 ? undefined : (response.json() as { id: string });
  };
  await call(ann.token, 'PUT', `/api/v1/users/${ann.id}`, { bio: 'Reads the #starling source for fun' });
  await call(ann.token, 'POST', `/api/v1/users/${ben.id}/follow`);
  await call(ben.token, 'POST', `/api/v1/users/${ann.id}/follow`);
  await call(cat.token, 'POST', `/api/v1/users/${ann.id}/follow`);
  const hello = await call(ann.token, 'POST', '/api/v2/tweets', { body: 'Hello #starling, meet @ben_import' });
  const gone = await call(ann.token, 'POST', '/api/v2/tweets', { body: 'This one will be deleted' });
  const reply = await call(ben.token, 'POST', '/api/v2/tweets', { body: '@ann_import hi!', in_reply_to_id: hello!.id });
  await call(cat.token, 'POST', '/api/v2/tweets', { body: 'Threads 🧵 all the way', in_reply_to_id: reply!.id });
  await call(cat.token, 'POST', '/api/v2/tweets', { body: 'A tweet of my own' });
  await call(ann.token, 'POST', `/api/v2/tweets/${reply!.id}/like`);
  await call(cat.token, 'POST', `/api/v2/tweets/${hello!.id}/repost`);
  await call(ann.token, 'DELETE', `/api/v2/tweets/${gone!.id}`);
}

for (const mode of storageModes) {
  describe.skipIf(!modeIsAvailable(mode))(`starling export and import on ${modeTitle(mode)}`, () => {
    const folders: string[] = [];
    const drops: Array<() => Promise<void>> = [];
    afterAll(async () => {
      for (const drop of drops) await drop();
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    });

    /** Empty storage: a temporary DATA_DIR, or a throwaway PostgreSQL database. */
    async function storage(): Promise<{ dir: string; env: Record<string, string> }> {
      const dir = mkdtempSync(join(tmpdir(), 'starling-transfer-'));
      folders.push(dir);
      const database = mode.postgres ? await createDatabase() : undefined;
      if (database) drops.push(database.drop);
      return { dir, env: { DATA_DIR: dir, DATABASE_URL: database?.url ?? '', LOG_LEVEL: 'warn' } };
    }
    const open = (place: { dir: string; env: Record<string, string> }) =>
      startStarling({ postgres: mode.postgres }, {}, { dataDir: place.dir, databaseUrl: place.env.DATABASE_URL! });

    // Several runs of the command, each opening the database: minutes on a loaded machine.
    it(
      'carries accounts, follows, tweets, replies, likes and reposts across, and imports nothing twice',
      { timeout: 240_000 },
      async () => {
        const source = await storage();
        const before = await open(source);
        await fill(before);
        const expected = await apiView(before, PEOPLE);
        await before.close();

        if (!mode.postgres) {
          // Embedded: a running server holds DATA_DIR; the command says so and opens nothing.
          writeFileSync(join(source.dir, 'starling.pid'), `${process.pid} start\n`);
          const locked = await run(['export', join(source.dir, 'x.json')], source.env);
          expect(locked.code).toBe(75);
          expect(locked.stderr).toContain('in use by another starling process');
          expect(existsSync(join(source.dir, 'x.json'))).toBe(false);
          rmSync(join(source.dir, 'starling.pid'));
        }

        const file = join(source.dir, 'starling-export.json');
        const exported = await run(['export', file], source.env);
        expect(exported.code, exported.stderr).toBe(0);
        expect(exported.stderr).toContain('Exported 4 accounts, 3 follows, 4 tweets, 1 likes and 1 reposts');
        // The file holds password hashes: its owner's alone, and never echoed.
        expect(statSync(file).mode & 0o777).toBe(0o600);
        const data = JSON.parse(readFileSync(file, 'utf8'));
        expect(data).toMatchObject({ format: 'starling-export', version: 1 });
        expect(data.accounts[0].password_hash).toMatch(/^scrypt\$/);
        expect(exported.stdout + exported.stderr).not.toContain('scrypt$');

        const target = await storage();
        const imported = await run(['import', file], target.env);
        expect(imported.code, imported.stderr).toBe(0);
        expect(imported.stdout).toMatch(
          /^Imported 4 accounts, 3 follows, 4 tweets, 1 like, and 1 repost from .* in [\d.]+ s\.\nSkipped nothing\.$/m,
        );
        expect(imported.stderr).toContain('importing tweets: 100%');
        expect(imported.stderr).not.toContain('\r');

        // Run again, it writes nothing (the same SQL on PostgreSQL: checked on one storage only, for time).
        let twitter;
        if (!mode.postgres) {
          const again = await run(['import', file], target.env);
          expect(again.code, again.stderr).toBe(0);
          expect(again.stdout).toContain('Imported 0 accounts, 0 follows, 0 tweets, 0 likes, and 0 reposts');
          expect(again.stdout).toContain('4 tweets: already in this Starling (imported before)');
          twitter = await run(['import', ARCHIVE, '--as', ROBIN], target.env);
          expect(twitter.code, twitter.stderr).toBe(0);
        }

        const after = await open(target);
        try {
          const actual = await apiView(after, PEOPLE);
          if (twitter) {
            // The archive's tweets are robin's, who has none otherwise: the one difference.
            checkArchiveImport(
              twitter.stdout,
              await all<Tweet>(after, `/api/v2/tweets?tweetedby=${ROBIN}`, 'tweets_list'),
            );
            const robin = actual.users.find((u) => u.username === ROBIN)!;
            expect(robin.tweets_count).toBe(8);
            robin.tweets_count = 0;
          }
          expect(actual).toEqual(expected);
          // Only the deleted tweet is missing, and reply links and counts are as they were.
          const tweets = (actual.people.ann_import as { tweets: Tweet[] }).tweets;
          expect(tweets.map((t) => t.body)).toEqual(['Hello #starling, meet @ben_import']);
          expect(tweets[0]).toMatchObject({ reply_count: 1, repost_count: 1 });
        } finally {
          await after.close();
        }
      },
    );
  });
}

/** The sample archive (test/fixtures/twitter): 12 entries, 8 of them tweets Starling takes. */
function checkArchiveImport(report: string, tweets: Tweet[]): void {
  expect(report).toMatch(/^Imported 8 tweets from .*tweets\.js as @robin_birdwatch in [\d.]+ s\.$/m);
  expect(report).toContain('Skipped 4:');
  expect(report).toContain("1 tweet: it is a retweet of someone else's tweet (1371000000000000005)");
  expect(report).toContain('1 tweet: it is longer than 280 characters (1371000000000000006)');
  expect(report).toContain('1 tweet: it appears twice in the archive (1371000000000000002)');
  expect(report).toMatch(/1 tweet: it cannot be read \(created_at: .*\) \(entry 11\)/);
  expect(report).toContain('Note: replies to tweets not in the archive, imported as plain tweets: 1.');

  expect(tweets).toHaveLength(8);
  const find = (start: string) => tweets.find((t) => t.body.startsWith(start))!;
  const first = find('First starling murmuration');
  expect(first.body).toBe('First starling murmuration of the spring over the reed beds & the old pier. #birding');
  expect(first.timestamp).toBe('2021-03-14T08:02:11.000Z');
  expect(first.entities.hashtags.map((h) => h.tag)).toEqual(['birding']);
  const count = find('@robin_birdwatch About 4,000');
  expect(count.in_reply_to_id).toBe(first.id);
  expect(find('@robin_birdwatch Update').in_reply_to_id).toBe(count.id);
  expect(first.reply_count).toBe(1);
  // A reply to a tweet outside the archive: a plain tweet, its text unchanged.
  expect(find('@heron_fan').in_reply_to_id ?? null).toBeNull();
  expect(find('@heron_fan').body).toBe('@heron_fan Agreed, the light at dusk is <3');
  // Links get their address back, pictures their picture's; a link that would not fit stays short.
  expect(find('Counting guide').body).toBe('Counting guide for flocks: https://example.org/guides/counting-flocks');
  expect(find('Wagtail').body).toBe('Wagtail on the fence post https://pbs.twimg.com/media/FICTIONAL001.jpg');
  expect(find('Full survey notes').body).toBe('Full survey notes, long link: https://t.co/LoNgLiNk99');
  expect(find('Owl calling').timestamp).toBe('2021-03-18T21:00:00.000Z');
}
