import { SessionEnded, UserDeleted, payloadOf } from '@starling/events';
import type { Consumer } from '../events/consumer.js';
import type { Revocations } from './revocations.js';

/**
 * Keeps this process's revocation list current from identity's events: a logout ends a
 * session, a deleted account ends all of its tokens. Every process listens for itself,
 * from as far back as a still-valid token could have been issued.
 */
export function revocationFeed(revocations: Revocations, tokenTtlSeconds: number): Consumer {
  return {
    name: 'auth.revocations',
    source: 'identity',
    types: [SessionEnded.type, UserDeleted.type],
    everyProcess: { since: () => new Date(Date.now() - tokenTtlSeconds * 1000) },
    async handle(event) {
      if (event.type === SessionEnded.type) {
        const d = payloadOf(SessionEnded, event);
        revocations.revokeSession(d.session_id, Date.parse(d.expires_at));
      } else {
        revocations.revokeUser(payloadOf(UserDeleted, event).user_id);
      }
    },
  };
}
