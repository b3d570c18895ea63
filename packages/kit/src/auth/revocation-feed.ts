import type { Consumer } from '../events/consumer.js';
import type { RecordedEvent } from '../events/event-store.js';
import type { Revocations } from './revocations.js';

/** A token that must be refused before it expires: one session's, or every one of a user's. */
export type Revocation = { session_id: string; until: number } | { user_id: string };

/**
 * Where the service that issues tokens records their early end (a logout, a deleted
 * account), told to the platform by whoever builds it: the kit knows no service's events.
 */
export interface RevocationSource {
  /** The service whose events these are. */
  source: string;
  types: readonly string[];
  /** `until`: when the session's last token expires, in milliseconds since the epoch. */
  toRevocation(event: RecordedEvent): Revocation;
}

/**
 * Keeps this process's revocation list current from the source's events. Every process
 * listens for itself, from as far back as a still-valid token could have been issued.
 */
export function revocationFeed(revocations: Revocations, tokenTtlSeconds: number, from: RevocationSource): Consumer {
  return {
    name: 'auth.revocations',
    source: from.source,
    types: from.types,
    everyProcess: { since: () => new Date(Date.now() - tokenTtlSeconds * 1000) },
    async handle(event) {
      const revocation = from.toRevocation(event);
      if ('user_id' in revocation) revocations.revokeUser(revocation.user_id);
      else revocations.revokeSession(revocation.session_id, revocation.until);
    },
  };
}
