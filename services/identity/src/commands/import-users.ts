import { payloadOf, UserRegistered } from '@starling/events';
import { appendNewStreams, type Db, type ImportedEvent } from '@starling/kit';
import { sql } from 'kysely';
import { emailKey, userStream, usernameKey } from '../domain/user.js';

/** Usernames and emails already claimed, as their keys (lower case): what a new account may not take. */
export interface ClaimedNames {
  usernames: Set<string>;
  emails: Set<string>;
}

export async function claimedNames(db: Db): Promise<ClaimedNames> {
  const usernames = await sql<{ key: string }>`select username_key as key from username_claims`.execute(db);
  const emails = await sql<{ key: string }>`select email_key as key from email_claims`.execute(db);
  return { usernames: new Set(usernames.rows.map((r) => r.key)), emails: new Set(emails.rows.map((r) => r.key)) };
}

/**
 * Brings in accounts made before they reach this log (`starling seed`): for each
 * UserRegistered, the username and email claims and the event as version 1 of the
 * user's stream, in one transaction, as registerUser writes them; so the accounts log
 * in and keep their names like any other. Bulk inside: one statement per claim table
 * and `appendNewStreams`. A name claimed already fails the lot with PostgreSQL's unique
 * violation (23505), where sign-up answers 409 for one. The password hash is the
 * caller's (`hashPassword`): one hash may serve many imported accounts.
 */
export async function importRegistrations(db: Db, events: readonly ImportedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const claims = events.map((event) => {
    const registered = payloadOf(UserRegistered, event);
    return { username: usernameKey(registered.username), email: emailKey(registered.email), id: registered.user_id };
  });
  const rows = JSON.stringify(claims);
  await db.transaction().execute(async (trx) => {
    await sql`insert into username_claims (username_key, user_id)
              select username, id from json_to_recordset(${rows}::json) as r(username text, email text, id text)`.execute(
      trx,
    );
    await sql`insert into email_claims (email_key, user_id)
              select email, id from json_to_recordset(${rows}::json) as r(username text, email text, id text)`.execute(
      trx,
    );
    await appendNewStreams(trx, events, (event) => userStream(payloadOf(UserRegistered, event).user_id));
  });
}
