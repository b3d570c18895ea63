import { SessionEnded, UserDeleted, payloadOf } from '@starling/events';
import type { RevocationSource } from '@starling/kit';

/**
 * The tokens identity's events end early, for every process's revocation list: a
 * logout (or a password change elsewhere) ends a session's, a deleted account all of
 * its own.
 */
export const tokenRevocations: RevocationSource = {
  source: 'identity',
  types: [SessionEnded.type, UserDeleted.type],
  toRevocation(event) {
    if (event.type === UserDeleted.type) return { user_id: payloadOf(UserDeleted, event).user_id };
    const d = payloadOf(SessionEnded, event);
    return { session_id: d.session_id, until: Date.parse(d.expires_at) };
  },
};
