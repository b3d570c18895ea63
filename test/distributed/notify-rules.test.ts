import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_NAMES } from '@starling/cli/topology';
import { killStarlings } from '../support/process.js';
import { createDatabase, natsNamespace, PASSWORD } from '../support/starling.js';
import { startTopology, type Topology } from '../support/topology.js';

/*
 * Notification rules in the distributed mode: `starling up --distributed` with one rules
 * file for every process. Each process checks the whole file against every service's
 * contract (so a rule on identity's operation is no error in the tweets process) and
 * applies the rules on its own operations, into its own service's log.
 */
const missing =
  (!process.env.DATABASE_URL && 'DATABASE_URL is not set') || (!process.env.NATS_URL && 'NATS_URL is not set');
const title = missing ? `notification rules, distributed (skipped: ${missing})` : 'notification rules, distributed';

describe.skipIf(!!missing)(title, { timeout: 180_000 }, () => {
  let t: Topology;
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let bus: ReturnType<typeof natsNamespace>;
  const folder = mkdtempSync(join(tmpdir(), 'starling-rules-'));

  beforeAll(async () => {
    const rules = join(folder, 'rules.json');
    writeFileSync(
      rules,
      JSON.stringify({
        rules: [
          { operation: 'postTweet', emit: ['after'], topic: 'tweets' },
          { operation: 'DELETE /api/v1/users/{id}', emit: ['before'], topic: 'accounts' },
        ],
      }),
    );
    database = await createDatabase();
    bus = natsNamespace();
    t = await startTopology({
      ...bus.env,
      DATABASE_URL: database.url,
      DATA_DIR: join(folder, 'data'),
      NOTIFY_RULES: rules,
      LOGIN_RATE_LIMIT: '1000/60',
      SIGNUP_RATE_LIMIT: '100000/60',
      GATEWAY_RATE_LIMIT: '1000000/60',
    });
  }, 150_000);

  afterAll(async () => {
    await t?.stop();
    killStarlings();
    await database?.drop();
    await bus?.drop();
  });

  it('starts every role, notify and its worker included, with the rules file', () => {
    expect(
      t
        .members()
        .map((m) => m.role)
        .sort(),
    ).toEqual([...ROLE_NAMES].sort());
  });

  // identity seals a mailed link's token and notify's worker opens it: without
  // MAIL_SEAL_KEY set, `up` hands every process the key it keeps under DATA_DIR
  // (read from each process's environment in /proc: Linux).
  it('gives every process it starts the same MAIL_SEAL_KEY', () => {
    const kept = readFileSync(join(folder, 'data', 'mail-seal.key'), 'utf8').trim();
    expect(Buffer.from(kept, 'base64url')).toHaveLength(32);
    for (const member of t.members()) {
      const environment = readFileSync(`/proc/${member.pid}/environ`, 'utf8').split('\0');
      expect(environment, member.role).toContain(`MAIL_SEAL_KEY=${kept}`);
    }
  });

  it('records the notice of a tweet posted through the gateway in the tweets service’s log', async () => {
    const json = { username: 'dr_ada', email: 'dr_ada@example.com', password: PASSWORD };
    const created = await t.api('/api/v1/users', { method: 'POST', json });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const login = await t.api('/api/v1/auth/login', {
      method: 'POST',
      json: { username: 'dr_ada', password: PASSWORD },
    });
    const { access_token: token } = (await login.json()) as { access_token: string };

    const posted = await t.api('/api/v2/tweets', { method: 'POST', json: { body: 'from afar' }, token });
    expect(posted.status).toBe(201);
    const requestId = posted.headers.get('x-request-id');

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ data: Record<string, unknown> }>(
        `select data from tweets.events where type = 'OperationNoticed' and data->>'request_id' = $1`,
        [requestId],
      );
      expect(rows.map((r) => r.data)).toEqual([
        {
          topic: 'tweets',
          phase: 'after',
          operation_id: 'postTweet',
          method: 'POST',
          path: '/api/v2/tweets',
          params: {},
          status: 201,
          actor_id: id,
          request_id: requestId,
        },
      ]);

      // The rule on identity's operation is applied by the identity process, into its log.
      const deleted = await t.api(`/api/v1/users/${id}`, { method: 'DELETE', token });
      expect(deleted.status).toBe(204);
      const { rows: before } = await client.query<{ data: Record<string, unknown> }>(
        `select data from identity.events where type = 'OperationNoticed' and data->>'request_id' = $1`,
        [deleted.headers.get('x-request-id')],
      );
      expect(before.map((r) => r.data)).toEqual([
        expect.objectContaining({ topic: 'accounts', phase: 'before', operation_id: 'deleteUser', params: { id } }),
      ]);
      const { rows: strays } = await client.query(
        `select 1 from tweets.events where type = 'OperationNoticed' and data->>'operation_id' = 'deleteUser'`,
      );
      expect(strays).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
