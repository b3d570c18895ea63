import type { Projection } from '@starling/kit';
import { ExternalIdentityLinked, ExternalIdentityUnlinked, UserDeleted, payloadOf } from '@starling/events';
import type { IdentityDb } from '../tables.js';

/** `external_identities`: each account's linked identities, as its owner sees them in the settings. */
export const externalIdentitiesProjection: Projection = {
  name: 'identity.external-identities',
  source: 'identity',
  tables: ['external_identities'],
  types: [ExternalIdentityLinked.type, ExternalIdentityUnlinked.type, UserDeleted.type],
  async handle(event, trx) {
    const db: IdentityDb = trx;
    switch (event.type) {
      case ExternalIdentityLinked.type: {
        const d = payloadOf(ExternalIdentityLinked, event);
        await db
          .insertInto('external_identities')
          .values({
            id: d.identity_id,
            user_id: d.user_id,
            provider: d.provider,
            subject: d.subject,
            email: d.email ?? null,
            linked_at: event.recordedAt,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        return;
      }
      case ExternalIdentityUnlinked.type:
        await db
          .deleteFrom('external_identities')
          .where('id', '=', payloadOf(ExternalIdentityUnlinked, event).identity_id)
          .execute();
        return;
      case UserDeleted.type:
        await db
          .deleteFrom('external_identities')
          .where('user_id', '=', payloadOf(UserDeleted, event).user_id)
          .execute();
        return;
    }
  },
};
