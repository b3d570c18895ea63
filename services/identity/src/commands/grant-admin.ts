import { appendToStream, loadAggregate, type Db } from '@starling/kit';
import { AdminRoleGranted, newEvent } from '@starling/events';
import { user, userStream } from '../domain/user.js';
import { findUserByUsername } from '../read-models.js';

/** An operator task (`starling users grant-admin`), not an API: admins are made, not signed up. */
export async function grantAdmin(write: <T>(fn: (trx: Db) => Promise<T>) => Promise<T>, db: Db, username: string) {
  const row = await findUserByUsername(db, username);
  if (!row) throw new Error(`There is no user named ${username}.`);
  await write(async (trx) => {
    const { state, version } = await loadAggregate(trx, userStream(row.id), user);
    if (state.role === 'admin') return;
    await appendToStream(trx, userStream(row.id), version, [newEvent(AdminRoleGranted, { user_id: row.id })]);
  });
  return row.id;
}
