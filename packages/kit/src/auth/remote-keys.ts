import { createRemoteJWKSet, errors as joseErrors, type JWTVerifyGetKey } from 'jose';
import { problems } from '../http/problem.js';

/**
 * Token verification keys fetched from the JWKS the token issuer publishes (one URL per
 * replica), for a process that does not run the issuer itself. jose caches the set and
 * refetches it when a token names an unknown key (a rotation). The next replica is asked when
 * one does not answer; when none does, the request gets a 503, not a 401: the token
 * may well be good.
 */
export function remoteVerificationKeys(jwksUrls: string[]): JWTVerifyGetKey {
  const sets = jwksUrls.map((url) =>
    createRemoteJWKSet(new URL(url), { timeoutDuration: 3_000, cooldownDuration: 30_000 }),
  );
  return async (header, token) => {
    for (const set of sets) {
      try {
        return await set(header, token);
      } catch (err) {
        const unreachable = err instanceof joseErrors.JWKSTimeout || !(err instanceof joseErrors.JOSEError);
        if (!unreachable) throw err;
      }
    }
    throw problems.unavailable('The keys that verify access tokens cannot be fetched right now.');
  };
}
