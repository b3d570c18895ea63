import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { expect, it } from 'vitest';
import { expectProblem } from '../support/assertions.js';
import { inEachStorageMode, useStarling } from '../support/starling.js';

/*
 * An access policy from a file (ACCESS_POLICY) changes who may call what, with no code
 * changed: here the public timeline is for signed-in people, the user list for admins
 * and who-to-follow suggestions, for an app, need `read:follows` besides the contract's
 * `read:accounts`. Without the file the public timeline is
 * open to anyone (test/api/timelines.test.ts reads it anonymously).
 */
const policyFile = join(mkdtempSync(join(tmpdir(), 'starling-policy-')), 'access-policy.yaml');
writeFileSync(
  policyFile,
  `rules:
  - operations: [GET /api/v2/timelines/public]
    allow: signed-in
  - operations: [listUsers]
    allow: { roles: [admin] }
  - operations: [listSuggestedUsers]
    allow: { scopes: [read:follows] }
`,
);

/** identity's signing key, so the test can mint what identity would: an admin's token, an app's token. */
const { privateKey } = await generateKeyPair('ES256', { extractable: true });
const SIGNING_KEY = { ...(await exportJWK(privateKey)), kid: 'access-policy-test' };

/** A token as identity signs it, with `extra` claims (`role`, an app's `scope` and `client_id`). */
const tokenFor = (user: { id: string; username: string }, extra: Record<string, string>) =>
  new SignJWT({ username: user.username, role: 'user', sid: randomUUID(), csrf: 'unused', ...extra })
    .setProtectedHeader({ alg: 'ES256', kid: SIGNING_KEY.kid })
    .setIssuer('starling')
    .setAudience('starling')
    .setSubject(user.id)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);

inEachStorageMode('access policy', (mode) => {
  const s = useStarling(mode, { ACCESS_POLICY: policyFile, AUTH_SIGNING_KEY: JSON.stringify(SIGNING_KEY) });

  it('asks an anonymous reader of the public timeline to sign in, and serves one who has', async () => {
    const ada = await s.signUp('policy_ada');
    await s.request({ method: 'POST', url: '/api/v2/tweets', token: ada.token, json: { body: 'members only #club' } });

    const anonymous = await s.request({ url: '/api/v2/timelines/public' });
    expectProblem(anonymous, 401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="starling"');

    const signedIn = await s.request({ url: '/api/v2/timelines/public', token: ada.token });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json().tweets_list.map((t: { body: string }) => t.body)).toContain('members only #club');
    // The web app's session cookie is a signed-in caller too.
    const viaCookie = await s.request({ url: '/api/v2/timelines/public', cookies: { starling_session: ada.token } });
    expect(viaCookie.statusCode).toBe(200);

    // What the policy does not name is as open as ever.
    expect((await s.request({ url: '/api/v2/timelines/tag/club' })).statusCode).toBe(200);
  });

  it('lists users for admins only', async () => {
    const bo = await s.signUp('policy_bo');
    expectProblem(await s.request({ url: '/api/v1/users' }), 401);
    const user = await s.request({ url: '/api/v1/users', token: bo.token });
    expectProblem(user, 403);
    expect(user.json().detail).toBe('This deployment lets only callers with the role admin do this.');

    const admin = await s.request({ url: '/api/v1/users', token: await tokenFor(bo, { role: 'admin' }) });
    expect(admin.statusCode, admin.body).toBe(200);
  });

  it('lets an app see suggestions only with a token that also holds read:follows, and Starling’s own sessions always', async () => {
    const cy = await s.signUp('policy_cy');
    const app = (scope: string) => tokenFor(cy, { scope, client_id: 'app-1' });
    const suggestions = async (token: string) => s.request({ url: '/api/v1/users/suggestions', token });

    // What the contract asks (read:accounts) is not enough: the policy asks for more.
    const short = await suggestions(await app('read:accounts'));
    expectProblem(short, 403);
    expect(short.headers['www-authenticate']).toBe(
      'Bearer realm="starling", error="insufficient_scope", scope="read:follows"',
    );
    expect((await suggestions(await app('read'))).statusCode).toBe(200);
    expect((await suggestions(await app('read:accounts read:follows'))).statusCode).toBe(200);
    expect((await suggestions(cy.token)).statusCode).toBe(200);
  });
});
