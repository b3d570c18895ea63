import type { Projection } from '@starling/kit';
import {
  AdminRoleGranted,
  EmailVerified,
  PasswordChanged,
  UserDeleted,
  UserProfileUpdated,
  UserRegistered,
  payloadOf,
} from '@starling/events';
import { sql } from 'kysely';
import type { IdentityDb } from '../tables.js';
import { usernameKey } from '../domain/user.js';

/**
 * `users`: one row per live account (a v1 UserRegistered has no bio: ''), with its
 * stream version as the ETag's first part. Each write
 * sets the version it came from, so replaying an event changes nothing. Every event of
 * a user's stream moves the version, a password change too: If-Match is checked
 * against the stream, so the ETag must follow it.
 */
export const usersProjection: Projection = {
  name: 'identity.users',
  source: 'identity',
  tables: ['users'],
  types: [
    UserRegistered.type,
    UserProfileUpdated.type,
    EmailVerified.type,
    PasswordChanged.type,
    AdminRoleGranted.type,
    UserDeleted.type,
  ],
  async handle(event, trx) {
    const db: IdentityDb = trx;
    switch (event.type) {
      case UserRegistered.type: {
        const d = payloadOf(UserRegistered, event);
        await db
          .insertInto('users')
          .values({
            id: d.user_id,
            username: d.username,
            username_key: usernameKey(d.username),
            name: d.name,
            email: d.email,
            bio: d.bio ?? '',
            created_at: event.recordedAt,
            version: event.version,
            modified_at: event.recordedAt,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        return;
      }
      case UserProfileUpdated.type: {
        const d = payloadOf(UserProfileUpdated, event);
        // What the event leaves out stays as it was.
        await db
          .updateTable('users')
          .set({
            ...(d.name !== undefined && { name: d.name }),
            // A newly given address is unconfirmed until its own EmailVerified.
            ...(d.email !== undefined && { email: d.email, email_verified: false }),
            ...(d.bio !== undefined && { bio: d.bio }),
            version: event.version,
            modified_at: event.recordedAt,
          })
          .where('id', '=', d.user_id)
          .where('version', '<', event.version)
          .execute();
        return;
      }
      case EmailVerified.type: {
        const d = payloadOf(EmailVerified, event);
        await db
          .updateTable('users')
          .set({
            // Only the address it names: one changed since stays unconfirmed.
            email_verified: sql<boolean>`email_verified or email = ${d.email}`,
            version: event.version,
            modified_at: event.recordedAt,
          })
          .where('id', '=', d.user_id)
          .where('version', '<', event.version)
          .execute();
        return;
      }
      case PasswordChanged.type: {
        const d = payloadOf(PasswordChanged, event);
        await db
          .updateTable('users')
          .set({ version: event.version, modified_at: event.recordedAt })
          .where('id', '=', d.user_id)
          .where('version', '<', event.version)
          .execute();
        return;
      }
      case AdminRoleGranted.type: {
        const d = payloadOf(AdminRoleGranted, event);
        await db
          .updateTable('users')
          .set({ role: 'admin', version: event.version, modified_at: event.recordedAt })
          .where('id', '=', d.user_id)
          .where('version', '<', event.version)
          .execute();
        return;
      }
      case UserDeleted.type:
        await db.deleteFrom('users').where('id', '=', payloadOf(UserDeleted, event).user_id).execute();
        return;
    }
  },
};
