import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { RecordedEvent } from '@starling/kit';
import { expect, it } from 'vitest';
import { inEachStorageMode, useStarling, type Starling } from '../support/starling.js';

/*
 * Notification rules from a file (NOTIFY_RULES): chosen operations emit
 * OperationNoticed to a topic through the owning service's log, with no handler
 * changed. The rules here are the operator's; the services are the stock ones.
 */
const rulesFile = join(mkdtempSync(join(tmpdir(), 'starling-rules-')), 'rules.yaml');
writeFileSync(
  rulesFile,
  `rules:
  - operation: postTweet
    emit: [after]
    topic: tweets
  # By method and path template, parameter named unlike the contract's.
  - operation: DELETE /api/v2/tweets/{tweet}
    emit: [before, after]
    topic: tweets.removed
  - operation: followUser
    emit: [before]
    topic: follows
`,
);

interface Notice {
  stream_id: string;
  stream_version: number;
  data: {
    topic: string;
    phase: 'before' | 'after';
    operation_id: string;
    method: string;
    path: string;
    params: Record<string, string>;
    status?: number;
    actor_id?: string;
    request_id: string;
  };
}

/** The OperationNoticed events in `service`'s own log, oldest first. */
async function noticesIn(s: Starling, service: string): Promise<Notice[]> {
  const { db } = s.platform.contexts.find((c) => c.name === service)!;
  const { rows } = await sql<Notice>`
    select stream_id, stream_version, data from events where type = 'OperationNoticed' order by position`.execute(db);
  return rows;
}

const forRequest = (notices: Notice[], requestId: string) => notices.filter((n) => n.data.request_id === requestId);

inEachStorageMode('notification rules', (mode) => {
  const s = useStarling(mode, { NOTIFY_RULES: rulesFile });

  const postTweet = (token: string | undefined, json: unknown) =>
    s.request({ method: 'POST', url: '/api/v2/tweets', json, ...(token ? { token } : {}) });

  it('records an `after` notice of a posted tweet in the tweets service’s log, with its status and caller', async () => {
    const ada = await s.signUp('rules_ada');
    const res = await postTweet(ada.token, { body: 'a secret plan for the weekend' });
    expect(res.statusCode, res.body).toBe(201);

    const notices = forRequest(await noticesIn(s, 'tweets'), res.headers['x-request-id'] as string);
    expect(notices.map((n) => n.data)).toEqual([
      {
        topic: 'tweets',
        phase: 'after',
        operation_id: 'postTweet',
        method: 'POST',
        path: '/api/v2/tweets',
        params: {},
        status: 201,
        actor_id: ada.id,
        request_id: res.headers['x-request-id'],
      },
    ]);
    expect(notices[0]!.stream_id).toMatch(/^notice-/);
    // Neither the body nor the token travels with it.
    expect(JSON.stringify(notices)).not.toContain('secret plan');
    expect(JSON.stringify(notices)).not.toContain(ada.token);
  });

  it('carries the notice over the bus to another service', async () => {
    const seen: RecordedEvent[] = [];
    const notify = s.platform.contexts.find((c) => c.name === 'notify')!;
    s.platform.bus.subscribe(
      {
        name: 'test.operation-notices',
        source: 'tweets',
        types: ['OperationNoticed'],
        async handle(event) {
          seen.push(event);
        },
      },
      notify.db,
      'notify',
    );
    const bo = await s.signUp('rules_bo');
    const res = await postTweet(bo.token, { body: 'over the bus' });
    expect(res.statusCode, res.body).toBe(201);
    await s.platform.bus.drain();

    const arrived = seen.filter((e) => (e.data as Notice['data']).request_id === res.headers['x-request-id']);
    expect(arrived.map((e) => e.data)).toEqual([
      expect.objectContaining({
        topic: 'tweets',
        phase: 'after',
        operation_id: 'postTweet',
        status: 201,
        actor_id: bo.id,
      }),
    ]);
  });

  it('records the status of a refused request in its `after` notice', async () => {
    const cy = await s.signUp('rules_cy');
    const invalid = await postTweet(cy.token, { body: '' });
    expect(invalid.statusCode).toBe(400);
    const anonymous = await postTweet(undefined, { body: 'who am I' });
    expect(anonymous.statusCode).toBe(401);

    const notices = await noticesIn(s, 'tweets');
    expect(forRequest(notices, invalid.headers['x-request-id'] as string).map((n) => n.data)).toEqual([
      expect.objectContaining({ phase: 'after', operation_id: 'postTweet', status: 400, actor_id: cy.id }),
    ]);
    const [refused] = forRequest(notices, anonymous.headers['x-request-id'] as string);
    expect(refused?.data).toMatchObject({ phase: 'after', status: 401 });
    expect(refused?.data).not.toHaveProperty('actor_id');
  });

  it('records `before` ahead of `after` for a rule naming both, with the path parameters', async () => {
    const dee = await s.signUp('rules_dee');
    const eve = await s.signUp('rules_eve');
    const posted = await postTweet(dee.token, { body: 'soon gone' });
    const id = posted.json().id as string;
    const someoneElse = await s.request({ method: 'DELETE', url: `/api/v2/tweets/${id}`, token: eve.token });
    expect(someoneElse.statusCode).toBe(403);
    const own = await s.request({ method: 'DELETE', url: `/api/v2/tweets/${id}`, token: dee.token });
    expect(own.statusCode, own.body).toBe(204);

    const notices = await noticesIn(s, 'tweets');
    const deleted = forRequest(notices, own.headers['x-request-id'] as string);
    const common = {
      topic: 'tweets.removed',
      operation_id: 'deleteTweet',
      method: 'DELETE',
      path: '/api/v2/tweets/{id}',
      params: { id },
      actor_id: dee.id,
    };
    expect(deleted.map((n) => n.data)).toEqual([
      { ...common, phase: 'before', request_id: own.headers['x-request-id'] },
      { ...common, phase: 'after', status: 204, request_id: own.headers['x-request-id'] },
    ]);
    // One stream per request, in the order they happened.
    expect(deleted.map((n) => [n.stream_id, n.stream_version])).toEqual([
      [deleted[0]!.stream_id, 1],
      [deleted[0]!.stream_id, 2],
    ]);
    expect(forRequest(notices, someoneElse.headers['x-request-id'] as string).map((n) => n.data)).toEqual([
      expect.objectContaining({ phase: 'before', actor_id: eve.id }),
      expect.objectContaining({ phase: 'after', status: 403, actor_id: eve.id }),
    ]);
  });

  it('records a notice in the log of the service that owns the operation, and none for other operations', async () => {
    const fay = await s.signUp('rules_fay');
    const gus = await s.signUp('rules_gus');
    const followed = await s.request({ method: 'POST', url: `/api/v1/users/${gus.id}/follow`, token: fay.token });
    expect(followed.statusCode, followed.body).toBe(200);
    const requestId = followed.headers['x-request-id'] as string;

    expect(forRequest(await noticesIn(s, 'graph'), requestId).map((n) => n.data)).toEqual([
      {
        topic: 'follows',
        phase: 'before',
        operation_id: 'followUser',
        method: 'POST',
        path: '/api/v1/users/{id}/follow',
        params: { id: gus.id },
        actor_id: fay.id,
        request_id: requestId,
      },
    ]);
    expect(forRequest(await noticesIn(s, 'tweets'), requestId)).toEqual([]);

    const read = await s.request({ url: '/api/v2/tweets' });
    expect(read.statusCode).toBe(200);
    for (const service of ['tweets', 'graph', 'identity']) {
      expect(forRequest(await noticesIn(s, service), read.headers['x-request-id'] as string)).toEqual([]);
    }
  });

  it('counts the notices it records on /metrics', async () => {
    const metrics = await s.request({ url: '/metrics' });
    expect(metrics.body).toMatch(/starling_notices_total\{topic="tweets",phase="after",outcome="recorded"\} [1-9]/);
  });
});
