import { refuse, type Db } from '@starling/kit';
import { sql } from 'kysely';
import { emailKey, usernameKey } from '../domain/user.js';

/** Claims an email for a user; a case-insensitive duplicate is a 409 on `email`. */
export async function claimEmail(trx: Db, email: string, userId: string): Promise<void> {
  const claimed = await sql`
    insert into email_claims (email_key, user_id) values (${emailKey(email)}, ${userId})
    on conflict do nothing`.execute(trx);
  if (Number(claimed.numAffectedRows ?? 0) === 0) {
    throw refuse.conflict('That email is already in use.', [{ field: 'email', reason: 'is already in use' }]);
  }
}

export async function releaseEmail(trx: Db, email: string, userId: string): Promise<void> {
  await sql`delete from email_claims where email_key = ${emailKey(email)} and user_id = ${userId}`.execute(trx);
}

export async function releaseUsername(trx: Db, username: string, userId: string): Promise<void> {
  await sql`delete from username_claims where username_key = ${usernameKey(username)} and user_id = ${userId}`.execute(
    trx,
  );
}
