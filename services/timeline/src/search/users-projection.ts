import type { Projection } from '@starling/kit';
import { UserDeleted, UserProfileUpdated, UserRegistered, payloadOf } from '@starling/events';
import { sql } from 'kysely';
import { documentOf, tokenWords, words } from './text.js';
import type { SearchUsersTable, TimelineDb } from '../tables.js';

type SearchUser = Pick<SearchUsersTable, 'username' | 'name' | 'bio'>;

/** What a user is found by: username and name above the bio. */
const userDocument = (u: SearchUser): string =>
  documentOf([
    { words: tokenWords(u.username), weight: 'A' },
    { words: words(u.name), weight: 'A' },
    { words: words(u.bio ?? ''), weight: 'C' },
  ]);

/** An empty bio is no bio (a v1 UserRegistered has none; a profile update may clear it). */
const bioOf = (bio: string | undefined | null): string | null => (bio ? bio : null);

async function save(db: TimelineDb, id: string, user: SearchUser, version: number): Promise<void> {
  await db
    .updateTable('search_users')
    .set({ name: user.name, bio: user.bio, document: sql<string>`${userDocument(user)}::tsvector`, version })
    .where('id', '=', id)
    .where('version', '<', version)
    .execute();
}

/**
 * `search_users`: every live account with its search document, from identity's events.
 * Each row keeps the stream version it was built from and an update applies only to an
 * older row, so a redelivered event changes nothing; a deleted account's row goes.
 */
export const searchUsersProjection: Projection = {
  name: 'timeline.search-users',
  source: 'identity',
  tables: ['search_users'],
  types: [UserRegistered.type, UserProfileUpdated.type, UserDeleted.type],
  async handle(event, trx) {
    const db: TimelineDb = trx;
    switch (event.type) {
      case UserRegistered.type: {
        const d = payloadOf(UserRegistered, event);
        const user = { username: d.username, name: d.name, bio: bioOf(d.bio) };
        await db
          .insertInto('search_users')
          .values({
            id: d.user_id,
            username: user.username,
            name: user.name,
            bio: user.bio,
            document: sql<string>`${userDocument(user)}::tsvector`,
            version: event.version,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        return;
      }
      case UserProfileUpdated.type: {
        const d = payloadOf(UserProfileUpdated, event);
        if (d.name === undefined && d.bio === undefined) return;
        // Raw: `for update`, so concurrent updates of one account apply one after another.
        const { rows } = await sql<SearchUser>`
          select username, name, bio from search_users where id = ${d.user_id} for update`.execute(trx);
        const current = rows[0];
        if (!current) return;
        const user = {
          username: current.username,
          name: d.name ?? current.name,
          bio: d.bio !== undefined ? bioOf(d.bio) : current.bio,
        };
        await save(trx, d.user_id, user, event.version);
        return;
      }
      case UserDeleted.type:
        await db.deleteFrom('search_users').where('id', '=', payloadOf(UserDeleted, event).user_id).execute();
        return;
    }
  },
};
