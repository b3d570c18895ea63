import type { Projection } from '@starling/kit';
import {
  AdminRoleGranted,
  PasswordChanged,
  UserDeleted,
  UserProfileUpdated,
  UserRegistered,
  payloadOf,
} from '@starling/events';
import { sql } from 'kysely';
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
  types: [UserRegistered.type, UserProfileUpdated.type, PasswordChanged.type, AdminRoleGranted.type, UserDeleted.type],
  async handle(event, trx) {
    switch (event.type) {
      case UserRegistered.type: {
        const d = payloadOf(UserRegistered, event);
        await sql`
          insert into users (id, username, username_key, name, email, bio, created_at, version, modified_at)
          values (${d.user_id}, ${d.username}, ${usernameKey(d.username)}, ${d.name}, ${d.email},
                  ${d.bio ?? ''}, ${event.recordedAt}, ${event.version}, ${event.recordedAt})
          on conflict (id) do nothing`.execute(trx);
        return;
      }
      case UserProfileUpdated.type: {
        const d = payloadOf(UserProfileUpdated, event);
        await sql`
          update users set name = coalesce(${d.name ?? null}, name), email = coalesce(${d.email ?? null}, email),
                 bio = coalesce(${d.bio ?? null}, bio), version = ${event.version}, modified_at = ${event.recordedAt}
          where id = ${d.user_id} and version < ${event.version}`.execute(trx);
        return;
      }
      case PasswordChanged.type: {
        const d = payloadOf(PasswordChanged, event);
        await sql`update users set version = ${event.version}, modified_at = ${event.recordedAt}
                  where id = ${d.user_id} and version < ${event.version}`.execute(trx);
        return;
      }
      case AdminRoleGranted.type: {
        const d = payloadOf(AdminRoleGranted, event);
        await sql`update users set role = 'admin', version = ${event.version}, modified_at = ${event.recordedAt}
                  where id = ${d.user_id} and version < ${event.version}`.execute(trx);
        return;
      }
      case UserDeleted.type:
        await sql`delete from users where id = ${payloadOf(UserDeleted, event).user_id}`.execute(trx);
        return;
    }
  },
};
