import { AppAuthorizationEnded, SessionEnded, UserDeleted, payloadOf } from '@starling/events';
import type { RevocationSource } from '@starling/kit';
import { identitySettings } from './settings.js';

/**
 * The tokens identity's events end early, for every process's revocation list: a
 * logout (or a password change elsewhere) ends a session's, a revoked app authorization
 * its app's, a deleted account all of its own.
 */
export const tokenRevocations: RevocationSource = {
  source: 'identity',
  types: [SessionEnded.type, UserDeleted.type, AppAuthorizationEnded.type],
  toRevocation(event) {
    if (event.type === UserDeleted.type) return { user_id: payloadOf(UserDeleted, event).user_id };
    if (event.type === AppAuthorizationEnded.type) {
      const d = payloadOf(AppAuthorizationEnded, event);
      return { session_id: d.authorization_id, until: Date.parse(d.expires_at) };
    }
    const d = payloadOf(SessionEnded, event);
    return { session_id: d.session_id, until: Date.parse(d.expires_at) };
  },
  // Apps' tokens outlive the sessions' (OAUTH_ACCESS_TOKEN_TTL): their revocations are read as far back.
  longestTokenTtl: (config) => identitySettings(config.env).OAUTH_ACCESS_TOKEN_TTL,
};
