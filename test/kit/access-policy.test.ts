import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  holdsScope,
  installAccessPolicy,
  installErrorHandling,
  loadAccessPolicy,
  refusal,
  type AccessPolicy,
  type Authenticator,
  type Caller,
} from '@starling/kit';
import { allServices } from '@starling/cli/services';
import { killStarlings, ROOT, runStarling } from '../support/process.js';

const contracts = allServices().map((s) => s.openapi);
const folder = mkdtempSync(join(tmpdir(), 'starling-policy-'));
let files = 0;

/** Writes `text` to a new policy file and returns its path. */
function policyFile(text: string, extension = 'yaml'): string {
  const path = join(folder, `policy-${++files}.${extension}`);
  writeFileSync(path, text);
  return path;
}

const load = (text: string, extension = 'yaml') => loadAccessPolicy(policyFile(text, extension), contracts)!;

/** The ConfigError message loading `text` gives. */
function refusalOf(text: string): string {
  try {
    load(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('the policy loaded');
}

describe('the access policy file', () => {
  it('is no policy at all when ACCESS_POLICY is unset', () => {
    expect(loadAccessPolicy(undefined, contracts)).toBeUndefined();
  });

  it('names operations by operationId or by method and path template, in YAML or JSON', () => {
    const policy = load(`
public: [login, GET /api/v1/auth/jwks]
rules:
  - operations: [getPublicTimeline, "get /api/v2/tweets/{tweet_id}"]
    allow: signed-in
  - operations: [listUsers]
    allow: { roles: [admin] }
  - operations: [search]
    allow: { scopes: [read:search], roles: [user, admin] }
`);
    expect(policy.public.map((o) => o.operationId)).toEqual(['login', 'getJwks']);
    expect(Object.fromEntries(policy.requirements)).toEqual({
      getPublicTimeline: {},
      getTweet: {},
      listUsers: { roles: ['admin'] },
      search: { roles: ['user', 'admin'], scopes: ['read:search'] },
    });
    const json = load(JSON.stringify({ rules: [{ operations: ['getTagTimeline'], allow: 'signed-in' }] }), 'json');
    expect([...json.requirements.keys()]).toEqual(['getTagTimeline']);
  });

  it('is an empty policy when the file holds only comments', () => {
    const policy = load('# nothing yet\n');
    expect(policy.public).toEqual([]);
    expect(policy.requirements.size).toBe(0);
  });

  it('ships examples in deploy/ that name real operations', () => {
    const at = (name: string) => loadAccessPolicy(join(ROOT, 'deploy/access-policy', name), contracts)!;
    expect(at('default.yaml').requirements.size).toBe(0);
    expect(at('members-only.yaml').requirements.get('getPublicTimeline')).toEqual({});
    expect(at('members-only.yaml').public.map((o) => o.operationId)).toContain('login');
    expect(at('admin-directory.yaml').requirements.get('listUsers')).toEqual({ roles: ['admin'] });
  });

  it('refuses a file it cannot read or parse, naming the variable and the file', () => {
    expect(() => loadAccessPolicy(join(folder, 'missing.yaml'), contracts)).toThrow(
      /^ACCESS_POLICY=".*missing\.yaml": cannot read the file \(ENOENT\)$/,
    );
    expect(refusalOf('rules: [ { operations: [search]')).toMatch(
      /^ACCESS_POLICY=".*": is neither valid JSON nor valid YAML: /,
    );
  });

  it('refuses each mistake, naming the rule and the field', () => {
    expect(refusalOf('rules: [{ operations: [createTweet], allow: signed-in }]')).toContain(
      'rules[0].operations[0]: no operation is "createTweet"',
    );
    expect(refusalOf('public: [GET /api/v2/nowhere]')).toContain('public[0]: no operation is "GET /api/v2/nowhere"');
    expect(refusalOf('rules: [{ operations: [search], allow: { roles: [owner] } }]')).toContain(
      'rules[0].allow.roles[0]: must be one of: user, admin',
    );
    expect(refusalOf('rules: [{ operations: [search], allow: { scopes: [read:everything] } }]')).toContain(
      'rules[0].allow.scopes[0]: must be an OAuth 2 scope',
    );
    expect(refusalOf('rules: [{ operations: [search], allow: everyone }]')).toContain(
      'rules[0].allow: must be "signed-in", { roles: [...] }, { scopes: [...] } or both',
    );
    expect(refusalOf('rules: [{ operations: [search], allow: {} }]')).toContain(
      'rules[0].allow: must be "signed-in", { roles: [...] }, { scopes: [...] } or both',
    );
    expect(refusalOf('rules: [{ operations: [search] }]')).toContain('rules[0].allow:');
    expect(refusalOf('rules: [{ operations: [search], allow: signed-in, deny: all }]')).toContain('rules[0]:');
    expect(refusalOf('rules: [{ operations: [], allow: signed-in }]')).toContain(
      'rules[0].operations: must list at least one operation',
    );
  });

  it('only tightens: anyone is no rule, and public lists only what the contracts leave open', () => {
    expect(refusalOf('rules: [{ operations: [search], allow: anyone }]')).toContain(
      'rules[0].allow: cannot be "anyone": a rule only tightens',
    );
    expect(refusalOf('public: [getHomeTimeline]')).toContain(
      'public[0]: getHomeTimeline needs a signed-in caller by its contract, and a policy cannot open what a contract closes',
    );
  });

  it('refuses an operation named twice, saying where first', () => {
    expect(
      refusalOf(`
public: [search]
rules:
  - { operations: [GET /api/v2/search], allow: signed-in }`),
    ).toContain('rules[0].operations[0]: search is named by public[0] already');
    expect(
      refusalOf(`
rules:
  - { operations: [listUsers], allow: signed-in }
  - { operations: [listUsers], allow: { roles: [admin] } }`),
    ).toContain('rules[1].operations[0]: listUsers is named by rules[0].operations[0] already');
  });
});

describe('judging a caller', () => {
  const user = { role: 'user' } as const;
  const admin = { role: 'admin' } as const;

  it('asks anyone not signed in to sign in (401), and a caller short of a role or scope is forbidden (403)', () => {
    expect(refusal({}, undefined)?.status).toBe(401);
    expect(refusal({}, user)).toBeUndefined();
    expect(refusal({ roles: ['admin'] }, user)?.status).toBe(403);
    expect(refusal({ roles: ['admin'] }, admin)).toBeUndefined();

    const short = refusal({ scopes: ['read:statuses'] }, { ...user, scopes: ['write:statuses'] });
    expect(short?.status).toBe(403);
    expect(short?.headers['www-authenticate']).toBe(
      'Bearer realm="starling", error="insufficient_scope", scope="read:statuses"',
    );
    expect(refusal({ scopes: ['read:statuses'] }, { ...user, scopes: ['read:statuses'] })).toBeUndefined();
  });

  it('lets Starling’s own sessions, which carry no scopes, do whatever their role allows', () => {
    expect(refusal({ scopes: ['write:statuses'] }, user)).toBeUndefined();
    expect(refusal({ roles: ['admin'], scopes: ['read'] }, user)?.status).toBe(403);
  });

  it('grants granular scopes by their family and follow’s, never the other way round', () => {
    expect(holdsScope(['read'], 'read:statuses')).toBe(true);
    expect(holdsScope(['write'], 'write:media')).toBe(true);
    expect(holdsScope(['follow'], 'write:blocks')).toBe(true);
    expect(holdsScope(['follow'], 'write:statuses')).toBe(false);
    expect(holdsScope(['read:statuses'], 'read')).toBe(false);
    expect(holdsScope(['read'], 'write:statuses')).toBe(false);
  });
});

describe('the HTTP layer with an access policy', () => {
  /** An app with a policy on one operation, its caller told by the `x-caller` header (`user`, `admin`, `app:<scopes>`). */
  async function appWith(policy: AccessPolicy) {
    const ran: string[] = [];
    const auth = {
      optional: async (request: { headers: Record<string, unknown> }) => {
        const who = request.headers['x-caller'] as string | undefined;
        if (!who) return undefined;
        const [role, scopes] = who.split(':');
        return {
          userId: 'u1',
          role: role === 'admin' ? 'admin' : 'user',
          ...(scopes ? { scopes: scopes.split(' ') } : {}),
        } as Caller;
      },
    } as unknown as Authenticator;
    const app = Fastify();
    installErrorHandling(app);
    await app.register(async (scope) => {
      installAccessPolicy(scope, policy, auth);
      for (const operationId of ['readThing', 'readOther']) {
        scope.post(
          `/${operationId}`,
          { schema: { operationId, body: { type: 'object', required: ['x'] } } as object },
          async () => {
            ran.push(operationId);
            return { ok: true };
          },
        );
      }
    });
    return { app, ran };
  }

  const policy: AccessPolicy = {
    public: [],
    requirements: new Map([['readThing', { scopes: ['read:statuses'] }]]),
  };

  it('refuses before the body is validated or the handler runs, as problem+json', async () => {
    const { app, ran } = await appWith(policy);
    const anonymous = await app.inject({ method: 'POST', url: '/readThing', payload: 'not json' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(anonymous.json()).toMatchObject({
      status: 401,
      detail: 'This deployment lets only signed-in callers do this.',
    });

    const app_ = await app.inject({
      method: 'POST',
      url: '/readThing',
      headers: { 'x-caller': 'user:write' },
      payload: {},
    });
    expect(app_.statusCode).toBe(403);
    expect(ran).toEqual([]);

    const allowed = await app.inject({
      method: 'POST',
      url: '/readThing',
      headers: { 'x-caller': 'user:read' },
      payload: { x: 1 },
    });
    expect(allowed.statusCode).toBe(200);
    expect(ran).toEqual(['readThing']);
  });

  it('leaves the operations it does not name alone', async () => {
    const { app, ran } = await appWith(policy);
    const res = await app.inject({ method: 'POST', url: '/readOther', payload: { x: 1 } });
    expect(res.statusCode).toBe(200);
    expect(ran).toEqual(['readOther']);
  });
});

describe('starling with a bad access policy', () => {
  afterAll(killStarlings);

  it('stops before it starts, naming the rule, in a process running one service too', async () => {
    const file = policyFile('rules: [{ operations: [getPublicTimeline], allow: { roles: [owner] } }]');
    const exit = await runStarling(['start', 'tweets'], {
      ACCESS_POLICY: file,
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      NATS_URL: 'nats://127.0.0.1:1',
      IDENTITY_URL: 'http://127.0.0.1:1',
      PORT: '0',
    });
    expect(exit.code).toBe(78);
    expect(exit.stderr).toContain(
      `starling: ACCESS_POLICY="${file}": rules[0].allow.roles[0]: must be one of: user, admin`,
    );
  });
});
