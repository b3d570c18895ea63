import type { Config } from '../config.js';
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
  /**
   * The longest lifetime, in seconds, of any token the source issues, where some live
   * longer than ACCESS_TOKEN_TTL (third-party apps' tokens): how far back the feed reads.
   */
  longestTokenTtl?(config: Config): number;
}

/**
 * Keeps this process's revocation list current from the source's events. Every process
 * listens for itself, from as far back as a still-valid token could have been issued.
 */
export function revocationFeed(revocations: Revocations, config: Config, from: RevocationSource): Consumer {
  const tokenTtlSeconds = Math.max(config.ACCESS_TOKEN_TTL, from.longestTokenTtl?.(config) ?? 0);
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
