import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  createMetrics,
  installErrorHandling,
  installNotices,
  loadNotifyRules,
  operationsOf,
  type Authenticator,
  type Db,
  type EventBus,
} from '@starling/kit';
import { allServices } from '@starling/cli/services';
import { killStarlings, ROOT, runStarling, spawnStarling } from '../support/process.js';

const everyOperation = operationsOf(allServices().map((s) => s.openapi));
const folder = mkdtempSync(join(tmpdir(), 'starling-rules-'));
let files = 0;

/** Writes `text` to a new rules file and returns its path. */
function rulesFile(text: string, extension = 'json'): string {
  const path = join(folder, `rules-${++files}.${extension}`);
  writeFileSync(path, text);
  return path;
}

/** The ConfigError message loading `text` gives, or undefined when it loads. */
function refusal(text: string, extension = 'json'): string | undefined {
  try {
    loadNotifyRules(rulesFile(text, extension), everyOperation);
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
}

const oneRule = (rule: Record<string, unknown>) => JSON.stringify({ rules: [rule] });

describe('the notification rules file', () => {
  it('has no rules when NOTIFY_RULES is unset', () => {
    expect(loadNotifyRules(undefined, everyOperation)).toEqual([]);
  });

  it('names operations by operationId or by method and path template, in JSON or YAML', () => {
    const yaml = `rules:
  - { operation: postTweet, emit: [after], topic: tweets }
  - operation: delete /api/v1/users/{user_id}
    emit: [before, after]
    topic: accounts
`;
    const rules = loadNotifyRules(rulesFile(yaml, 'yaml'), everyOperation);
    expect(rules).toEqual([
      {
        operation: { operationId: 'postTweet', method: 'POST', path: '/api/v2/tweets', streams: false },
        topic: 'tweets',
        phases: ['after'],
      },
      {
        operation: { operationId: 'deleteUser', method: 'DELETE', path: '/api/v1/users/{id}', streams: false },
        topic: 'accounts',
        phases: ['before', 'after'],
      },
    ]);
  });

  it('ships an example in deploy/ that names real operations', () => {
    const rules = loadNotifyRules(join(ROOT, 'deploy/notify-rules.example.json'), everyOperation);
    expect(rules.map((r) => r.operation.operationId)).toContain('postTweet');
  });

  it('refuses a file that is not JSON or YAML, or cannot be read, naming it', () => {
    expect(refusal('{ "rules": [ { "operation": "postTweet", ')).toMatch(
      /^NOTIFY_RULES=".*rules-\d+\.json": is neither valid JSON nor valid YAML: /,
    );
    expect(() => loadNotifyRules(join(folder, 'missing.json'), everyOperation)).toThrow(
      /NOTIFY_RULES=".*missing\.json": cannot read the file \(ENOENT\)/,
    );
  });

  it('names the rule and the field of each mistake', () => {
    expect(refusal('[]')).toMatch(/: the file: /);
    expect(refusal('{}')).toMatch(/: rules: /);
    expect(refusal('{ "rules": [], "extra": 1 }')).toMatch(/: the file: .*extra/);
    expect(refusal(oneRule({ operation: 'postTweet', emit: ['during'], topic: 'tweets' }))).toMatch(
      /: rules\[0\]\.emit\[0\]: /,
    );
    expect(refusal(oneRule({ operation: 'postTweet', emit: [], topic: 'tweets' }))).toMatch(
      /: rules\[0\]\.emit: must list "before", "after" or both/,
    );
    expect(refusal(oneRule({ operation: 'postTweet', emit: ['after', 'after'], topic: 'tweets' }))).toMatch(
      /: rules\[0\]\.emit: must not list a phase twice/,
    );
    expect(refusal(oneRule({ operation: 'postTweet', emit: ['after'], topic: 'New Tweets' }))).toMatch(
      /: rules\[0\]\.topic: must be 1-64 of a-z/,
    );
    expect(refusal(oneRule({ operation: 'postTweet', emit: ['after'] }))).toMatch(/: rules\[0\]\.topic: /);
    expect(refusal(oneRule({ operation: 'postTweet', emit: ['after'], topic: 't', topics: ['u'] }))).toMatch(
      /: rules\[0\]: .*topics/,
    );
  });

  it('refuses a rule naming no operation of any contract', () => {
    const rules = (operation: string) =>
      JSON.stringify({
        rules: [
          { operation: 'postTweet', emit: ['after'], topic: 'tweets' },
          { operation, emit: ['after'], topic: 'x' },
        ],
      });
    expect(refusal(rules('createTweet'))).toMatch(/: rules\[1\]\.operation: no operation is "createTweet"; /);
    expect(refusal(rules('PUT /api/v2/tweets'))).toMatch(
      /: rules\[1\]\.operation: no operation is "PUT \/api\/v2\/tweets"/,
    );
    expect(refusal(rules('GET /api/v2/tweets/{id}/nothing'))).toMatch(/rules\[1\]\.operation/);
  });

  it('refuses `after` on a live stream, which never ends with a status', () => {
    expect(refusal(oneRule({ operation: 'streamHome', emit: ['after'], topic: 'streams' }))).toMatch(
      /: rules\[0\]\.emit: streamHome answers with a live stream/,
    );
    expect(refusal(oneRule({ operation: 'streamHome', emit: ['before'], topic: 'streams' }))).toBeUndefined();
  });

  it('refuses a second rule making one operation emit to the same topic', () => {
    const text = JSON.stringify({
      rules: [
        { operation: 'postTweet', emit: ['after'], topic: 'tweets' },
        { operation: 'POST /api/v2/tweets', emit: ['before'], topic: 'tweets' },
      ],
    });
    expect(refusal(text)).toMatch(/: rules\[1\]\.topic: rules\[0\] already makes postTweet emit to "tweets"/);
  });
});

describe('a rule whose notice cannot be recorded', () => {
  const failing = {
    transaction: () => ({ execute: () => Promise.reject(new Error('the database is gone')) }),
  } as unknown as Db;
  const bus = { notify: () => {} } as unknown as EventBus;
  const auth = { optional: async () => undefined } as unknown as Authenticator;

  async function appWith(emit: Array<'before' | 'after'>) {
    const metrics = createMetrics();
    const app = Fastify();
    installErrorHandling(app);
    const ran: string[] = [];
    const [operation] = operationsOf([
      { paths: { '/things': { post: { operationId: 'makeThing', responses: { '201': {} } } } } },
    ]);
    installNotices(app, {
      rules: [{ operation: operation!, topic: 'things', phases: emit }],
      owners: [{ operations: new Set(['makeThing']), db: failing, bus, log: pino({ level: 'silent' }) }],
      auth,
      metrics,
      isReady: () => true,
    });
    app.post('/things', { schema: { operationId: 'makeThing' } as object }, async (_request, reply) => {
      ran.push('makeThing');
      return reply.code(201).send({ made: true });
    });
    return { app, ran, metrics };
  }

  it('refuses the request with a 503 when `before` fails, and the handler never runs', async () => {
    const { app, ran, metrics } = await appWith(['before', 'after']);
    const res = await app.inject({ method: 'POST', url: '/things' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ran).toEqual([]);
    expect(await metrics.registry.getSingleMetricAsString('starling_notices_total')).toContain(
      'starling_notices_total{topic="things",phase="before",outcome="failed"} 1',
    );
  });

  it('still answers when `after` fails, the change being made, and counts the failure', async () => {
    const { app, ran, metrics } = await appWith(['after']);
    const res = await app.inject({ method: 'POST', url: '/things' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ made: true });
    expect(ran).toEqual(['makeThing']);
    expect(await metrics.registry.getSingleMetricAsString('starling_notices_total')).toContain(
      'starling_notices_total{topic="things",phase="after",outcome="failed"} 1',
    );
  });
});

describe('starling with a bad rules file', () => {
  afterAll(killStarlings);

  it('stops before it starts, saying what is wrong', async () => {
    const file = rulesFile('rules: [ { operation: postTweet, emit: [after], topic: tweets }');
    const exit = await runStarling(['start'], {
      NOTIFY_RULES: file,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'starling-data-')),
      DATABASE_URL: undefined,
      PORT: '0',
    });
    expect(exit.code).toBe(78);
    expect(exit.stderr).toContain(`starling: NOTIFY_RULES="${file}": is neither valid JSON nor valid YAML`);
  });

  it('refuses an unknown operation in a process running one service, checking every service’s contract', async () => {
    const env = {
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      NATS_URL: 'nats://127.0.0.1:1',
      IDENTITY_URL: 'http://127.0.0.1:1',
      PORT: '0',
    };
    const unknown = rulesFile(oneRule({ operation: 'createTweet', emit: ['after'], topic: 'tweets' }));
    const exit = await runStarling(['start', 'tweets'], { ...env, NOTIFY_RULES: unknown });
    expect(exit.code).toBe(78);
    expect(exit.stderr).toContain('rules[0].operation: no operation is "createTweet"');

    // A rule on identity's operation is identity's process's to apply: the tweets process
    // accepts it and goes on to wait for its (here unreachable) database and bus.
    const elsewhere = rulesFile(oneRule({ operation: 'deleteUser', emit: ['after'], topic: 'accounts' }));
    const { child, exited } = spawnStarling(['start', 'tweets'], { ...env, NOTIFY_RULES: elsewhere });
    const outcome = await Promise.race([exited, new Promise((done) => setTimeout(() => done('running'), 4000))]);
    expect(outcome).toBe('running');
    child.kill('SIGKILL');
  });
});
