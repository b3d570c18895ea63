import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlVariable } from '@starling/cli/topology';
import { killStarlings, startServer, type StartedServer } from '../support/process.js';
import { createDatabase, natsNamespace, PASSWORD } from '../support/starling.js';
import { startTopology, type Topology } from '../support/topology.js';

/*
 * The access policy in the distributed mode. `starling up --distributed` runs without
 * one, and the public timeline is open through its gateway. A second gateway started
 * with ACCESS_POLICY in front of the very same services refuses an anonymous reader
 * itself (the services behind it have no policy, so nothing else could), and a second
 * timeline process started with it refuses one that calls it directly, with no gateway.
 */
const missing =
  (!process.env.DATABASE_URL && 'DATABASE_URL is not set') || (!process.env.NATS_URL && 'NATS_URL is not set');
const title = missing ? `access policy, distributed (skipped: ${missing})` : 'access policy, distributed';

describe.skipIf(!!missing)(title, { timeout: 180_000 }, () => {
  let t: Topology;
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let bus: ReturnType<typeof natsNamespace>;
  let gateway: StartedServer;
  let timeline: StartedServer;
  let token: string;
  const folder = mkdtempSync(join(tmpdir(), 'starling-policy-'));

  beforeAll(async () => {
    const policy = join(folder, 'access-policy.yaml');
    writeFileSync(policy, 'rules:\n  - { operations: [getPublicTimeline], allow: signed-in }\n');
    database = await createDatabase();
    bus = natsNamespace();
    const env = {
      ...bus.env,
      DATABASE_URL: database.url,
      LOGIN_RATE_LIMIT: '1000/60',
      SIGNUP_RATE_LIMIT: '100000/60',
      GATEWAY_RATE_LIMIT: '1000000/60',
    };
    t = await startTopology({ ...env, DATA_DIR: join(folder, 'data') });
    // Where each service of the topology listens, as the gateway is told.
    const services = Object.fromEntries(
      t
        .members()
        .filter((m) => m.role !== 'gateway' && !m.role.endsWith('-worker'))
        .map((m) => [urlVariable(m.role), `http://127.0.0.1:${m.port}`]),
    );
    const withPolicy = { ...env, ...services, ACCESS_POLICY: policy, LOG_LEVEL: 'warn' };
    [gateway, timeline] = await Promise.all([startServer(withPolicy, 'gateway'), startServer(withPolicy, 'timeline')]);

    const json = { username: 'dp_ada', email: 'dp_ada@example.com', password: PASSWORD };
    expect((await t.api('/api/v1/users', { method: 'POST', json })).status).toBe(201);
    const login = await t.api('/api/v1/auth/login', {
      method: 'POST',
      json: { username: 'dp_ada', password: PASSWORD },
    });
    token = ((await login.json()) as { access_token: string }).access_token;
  }, 150_000);

  afterAll(async () => {
    await Promise.all([gateway?.stop(), timeline?.stop()]);
    await t?.stop();
    killStarlings();
    await database?.drop();
    await bus?.drop();
  });

  it('serves the public timeline to anyone through the gateway without a policy', async () => {
    expect((await t.api('/api/v2/timelines/public')).status).toBe(200);
  });

  it('refuses an anonymous reader at the gateway with the policy, and serves a signed-in one', async () => {
    const anonymous = await gateway.api('/api/v2/timelines/public');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await anonymous.json()).toMatchObject({
      status: 401,
      detail: 'This deployment lets only signed-in callers do this.',
    });
    expect((await gateway.api('/api/v2/timelines/public', { token })).status).toBe(200);
    // HEAD is GET's, and what the policy does not name passes as before.
    expect((await gateway.api('/api/v2/timelines/public', { method: 'HEAD' })).status).toBe(401);
    expect((await gateway.api('/api/v2/timelines/tag/club')).status).toBe(200);
  });

  it('refuses an anonymous reader in the timeline process itself, called with no gateway', async () => {
    const anonymous = await timeline.api('/api/v2/timelines/public');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await timeline.api('/api/v2/timelines/public', { token })).status).toBe(200);
  });
});
