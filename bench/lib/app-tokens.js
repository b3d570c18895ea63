// Tokens of a Mastodon app for the pool's users, as Starling's OAuth server would issue
// them. A real app gets one per user through the authorization-code flow (a consent in
// the browser) or, where allowed, the password grant (an scrypt hash per user): either
// would cost the bench minutes per run for tokens that Starling verifies statelessly.
// So the bench registers one real app (POST /api/v1/apps) and signs each user's app
// token itself, with the signing key every mode runs with (lib/tokens.js): the claims
// are the user's session claims plus `scope` and `client_id`, exactly what identity's
// `generateAccessToken` signs (services/identity/src/infra/oauth-server.ts). Every
// service then checks them as it checks any app's: signature, expiry, revocations,
// the operation's scope.
import { createPrivateKey, sign } from 'node:crypto';

import { request } from './api.js';

/** What a Mastodon client asks for; `read` covers the timelines and streams. */
export const APP_SCOPES = 'read write follow';

const part = (text) => Buffer.from(text).toString('base64url');
const decode = (segment) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));

/** Registers an app as a Mastodon client does; returns its client_id. */
export async function registerApp(baseUrl, name) {
  const { body } = await request(`${baseUrl}/api/v1/apps`, {
    method: 'POST',
    body: { client_name: name, redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scopes: APP_SCOPES },
    expect: 200,
  });
  if (typeof body?.client_id !== 'string') throw new Error('POST /api/v1/apps returned no client_id');
  return body.client_id;
}

/**
 * The app token for the user of `sessionToken`: its header and claims, with the app's
 * `scope` and `client_id`, and `csrf` empty (an app's token never rides in a cookie).
 * `signingJwk` is the private JWK text of AUTH_SIGNING_KEY.
 */
export function appToken(sessionToken, clientId, signingJwk, scope = APP_SCOPES) {
  const [headerPart, payloadPart] = sessionToken.split('.');
  const header = decode(headerPart);
  const claims = decode(payloadPart);
  const payload = { ...claims, csrf: '', scope, client_id: clientId };
  const signingInput = `${part(JSON.stringify(header))}.${part(JSON.stringify(payload))}`;
  const key = createPrivateKey({ key: JSON.parse(signingJwk), format: 'jwk' });
  // ES256: the signature is r‖s (IEEE P1363), not DER.
  const signature = sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** The id of the user a token speaks for (its `sub`). */
export const subjectOf = (token) => decode(token.split('.')[1]).sub;
