import type { Projection } from '@starling/kit';
import { AppAuthorizationEnded, AppAuthorized, AppRegistered, UserDeleted, payloadOf } from '@starling/events';
import { sql } from 'kysely';
import type { IdentityDb } from '../tables.js';

/** An authorization ends once: a later end leaves the first one's time. */
const endedAt = (at: Date) => sql<Date>`coalesce(ended_at, ${at})`;

/**
 * `oauth_apps`: the registered apps; `oauth_authorizations`: what users let them do,
 * until revoked or the account is deleted.
 */
export const appsProjection: Projection = {
  name: 'identity.apps',
  source: 'identity',
  tables: ['oauth_apps', 'oauth_authorizations'],
  types: [AppRegistered.type, AppAuthorized.type, AppAuthorizationEnded.type, UserDeleted.type],
  async handle(event, trx) {
    const db: IdentityDb = trx;
    switch (event.type) {
      case AppRegistered.type: {
        const d = payloadOf(AppRegistered, event);
        await db
          .insertInto('oauth_apps')
          .values({
            client_id: d.client_id,
            name: d.name,
            website: d.website,
            redirect_uris: d.redirect_uris.join('\n'),
            scopes: d.scopes.join(' '),
            client_secret_hash: d.client_secret_hash,
            created_at: event.recordedAt,
          })
          .onConflict((oc) => oc.column('client_id').doNothing())
          .execute();
        return;
      }
      case AppAuthorized.type: {
        const d = payloadOf(AppAuthorized, event);
        await db
          .insertInto('oauth_authorizations')
          .values({
            authorization_id: d.authorization_id,
            client_id: d.client_id,
            user_id: d.user_id,
            scopes: d.scopes.join(' '),
            created_at: event.recordedAt,
          })
          .onConflict((oc) => oc.column('authorization_id').doNothing())
          .execute();
        return;
      }
      case AppAuthorizationEnded.type: {
        const d = payloadOf(AppAuthorizationEnded, event);
        await db
          .updateTable('oauth_authorizations')
          .set({ ended_at: endedAt(event.recordedAt) })
          .where('authorization_id', '=', d.authorization_id)
          .execute();
        return;
      }
      case UserDeleted.type: {
        const d = payloadOf(UserDeleted, event);
        await db
          .updateTable('oauth_authorizations')
          .set({ ended_at: endedAt(event.recordedAt) })
          .where('user_id', '=', d.user_id)
          .execute();
        return;
      }
    }
  },
};
