import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, createDatabase, inEachStorageMode, natsNamespace } from '../support/starling.js';
import {
  CLI_DIST as DIST,
  killStarlings,
  runStarling as run,
  startServer,
  type StartedServer as Server,
} from '../support/process.js';

/*
 * These tests run the built `starling` command: bin/starling.js loads apps/cli/dist.
 * `npm test` is preceded by `npm install`, whose prepare script runs `npm run build`;
 * after changing any source, run `npm run build` again before this suite.
 */
afterEach(killStarlings);

async function signUpAndLogin(server: Server, username: string) {
  const created = await server.api('/api/v1/users', {
    method: 'POST',
    json: { username, email: `${username}@example.com`, password: PASSWORD },
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const login = await server.api('/api/v1/auth/login', { method: 'POST', json: { username, password: PASSWORD } });
  expect(login.status).toBe(200);
  return { id, token: ((await login.json()) as { access_token: string }).access_token };
}

describe('the starling command', () => {
  beforeAll(() => {
    if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run \`npm run build\` before this suite.`);
  });

  it('refuses a bad config value with a non-zero exit and one stderr line naming it', async () => {
    const result = await run(['start'], { PORT: 'abc', DATABASE_URL: '' });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toContain('PORT');
    expect(lines[0]).toContain('abc');
  });

  it('refuses an unknown role, and a distributed role without PostgreSQL and NATS, naming what is missing', async () => {
    const unknown = await run(['start', 'tweets-wroker']);
    expect(unknown.code).toBe(78);
    expect(unknown.stderr).toContain('unknown role "tweets-wroker"');
    expect(unknown.stderr).toContain('timeline-worker');
    const noDatabase = await run(['start', 'tweets'], { DATABASE_URL: '', NATS_URL: 'nats://127.0.0.1:4222' });
    expect(noDatabase.code).toBe(78);
    expect(noDatabase.stderr).toContain('starling start tweets needs DATABASE_URL');
    const noNats = await run(['start', 'timeline-worker'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(noNats.code).toBe(78);
    expect(noNats.stderr).toContain('needs NATS_URL');
    const up = await run(['up'], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
      NATS_URL: 'nats://127.0.0.1:1',
    });
    expect(up.code).toBe(78);
    expect(up.stderr).toContain('pass --distributed');
  });

  it('answers an unknown command with a non-zero exit and the usage', async () => {
    const result = await run(['fly']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Usage: starling <command>');
    expect(result.stderr).toContain('projections rebuild');
  });
});

inEachStorageMode(
  'starling start, migrate and rebuild',
  (mode) => {
    beforeAll(() => {
      if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run \`npm run build\` before this suite.`);
    });

    /** Fresh storage for one test: a temporary DATA_DIR, or a throwaway PostgreSQL database. */
    async function freshStorage(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }> {
      const dir = mkdtempSync(join(tmpdir(), 'starling-cli-'));
      const database = mode.postgres ? await createDatabase() : undefined;
      const bus = mode.nats ? natsNamespace() : undefined;
      return {
        env: { DATA_DIR: dir, DATABASE_URL: database?.url ?? '', LOG_LEVEL: 'warn', ...bus?.env },
        async cleanup() {
          await database?.drop();
          await bus?.drop();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }

    it('starts, serves, and on SIGTERM finishes the request in flight and exits 0', async () => {
      const storage = await freshStorage();
      try {
        const server = await startServer(storage.env);
        await signUpAndLogin(server, 'cli_ann');

        // A sign-up whose headers the server has accepted (100 Continue) but whose body is held back.
        const body = JSON.stringify({ username: 'cli_inflight', email: 'inflight@example.com', password: PASSWORD });
        const request = http.request({
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/api/v1/users',
          agent: false,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            expect: '100-continue',
          },
        });
        const accepted = new Promise<void>((ok) => request.once('continue', ok));
        const response = new Promise<{ status: number; body: string }>((ok, fail) => {
          request.on('error', fail);
          request.once('response', (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => ok({ status: res.statusCode!, body: text }));
          });
        });
        request.flushHeaders();
        await accepted;

        server.child.kill('SIGTERM');
        // Shutdown has begun once new connections are refused (bounded wait).
        const deadline = Date.now() + 20_000;
        while (
          (await fetch(`http://127.0.0.1:${server.port}/healthz`).then(
            () => true,
            () => false,
          )) &&
          Date.now() < deadline
        ) {
          await new Promise((r) => setTimeout(r, 50));
        }
        request.end(body);

        const answered = await response;
        expect(answered.status, answered.body).toBe(201);
        expect(JSON.parse(answered.body)).toMatchObject({ username: 'cli_inflight' });
        const exit = await server.exited;
        expect(exit.code, exit.stderr).toBe(0);
      } finally {
        await storage.cleanup();
      }
    });

    it('keeps its data across a restart', async () => {
      const storage = await freshStorage();
      try {
        const first = await startServer(storage.env);
        const ann = await signUpAndLogin(first, 'cli_keep');
        const posted = await first.api('/api/v2/tweets', {
          method: 'POST',
          token: ann.token,
          json: { body: 'still here' },
        });
        expect(posted.status).toBe(201);
        expect((await first.stop()).code).toBe(0);

        const second = await startServer(storage.env);
        const user = await second.api(`/api/v1/users/${ann.id}`);
        expect(user.status).toBe(200);
        expect(await user.json()).toMatchObject({ id: ann.id, username: 'cli_keep' });
        const tweets = (await (await second.api('/api/v2/tweets?tweetedby=cli_keep')).json()) as {
          tweets_list: unknown[];
        };
        expect(tweets.tweets_list).toMatchObject([{ body: 'still here' }]);
        // The token issued before the restart still verifies: the signing key persisted.
        expect((await second.api('/api/v1/auth/me', { token: ann.token })).status).toBe(200);
        expect((await second.stop()).code).toBe(0);
      } finally {
        await storage.cleanup();
      }
    });

    it('projections rebuild on a stopped server exits 0 and the data is still served', async () => {
      const storage = await freshStorage();
      try {
        const first = await startServer(storage.env);
        const bo = await signUpAndLogin(first, 'cli_rebuild');
        for (const body of ['one', 'two', 'three']) {
          await first.api('/api/v2/tweets', { method: 'POST', token: bo.token, json: { body } });
        }
        const list = await (await first.api('/api/v2/tweets?tweetedby=cli_rebuild')).json();
        const two = (list as { tweets_list: Array<{ id: string; body: string }> }).tweets_list.find(
          (t) => t.body === 'two',
        )!;
        expect((await first.api(`/api/v2/tweets/${two.id}`, { method: 'DELETE', token: bo.token })).status).toBe(204);
        const before = await (await first.api('/api/v2/tweets?tweetedby=cli_rebuild')).json();
        expect((await first.stop()).code).toBe(0);

        const rebuilt = await run(['projections', 'rebuild'], storage.env);
        expect(rebuilt.code, rebuilt.stderr).toBe(0);
        expect(rebuilt.stdout).toMatch(/rebuilt tweets\.tweets from \d+ events/);
        expect(rebuilt.stdout).toMatch(/rebuilt identity\.users from \d+ events/);

        const second = await startServer(storage.env);
        expect(await (await second.api('/api/v2/tweets?tweetedby=cli_rebuild')).json()).toEqual(before);
        expect((await second.api(`/api/v1/users/${bo.id}`)).status).toBe(200);
        const login = await second.api('/api/v1/auth/login', {
          method: 'POST',
          json: { username: 'cli_rebuild', password: PASSWORD },
        });
        expect(login.status).toBe(200);
        expect((await second.stop()).code).toBe(0);
      } finally {
        await storage.cleanup();
      }
    });

    it('migrate exits 0, again when already up to date, and start then serves', async () => {
      const storage = await freshStorage();
      try {
        for (let i = 0; i < 2; i++) {
          const migrated = await run(['migrate'], storage.env);
          expect(migrated.code, migrated.stderr).toBe(0);
          expect(migrated.stdout).toContain('migrations are up to date');
        }
        const server = await startServer(storage.env);
        expect((await server.api('/api/v2/tweets')).status).toBe(200);
        expect((await server.stop()).code).toBe(0);
      } finally {
        await storage.cleanup();
      }
    });
  },
  { timeout: 180_000 },
);
