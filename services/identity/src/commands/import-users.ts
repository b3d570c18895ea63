import { payloadOf, UserRegistered } from '@starling/events';
import {
  appendNewStreams,
  IN_LOG_ALREADY,
  streamsInLog,
  type Db,
  type ImportedEvent,
  type SkippedImport,
} from '@starling/kit';
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

/** Why an import run with `skipExisting` leaves an account out, besides IN_LOG_ALREADY. */
export const USERNAME_TAKEN = 'its username belongs to another account';
export const EMAIL_TAKEN = 'its email address belongs to another account';

/**
 * Brings in accounts made before they reach this log (`starling seed`, `starling
 * import`): for each UserRegistered, the username and email claims and the event as
 * version 1 of the user's stream, in one transaction, as registerUser writes them; so
 * the accounts log in and keep their names like any other. Bulk inside: one statement
 * per claim table and `appendNewStreams`. A name claimed already fails the lot with
 * PostgreSQL's unique violation (23505), where sign-up answers 409 for one. The
 * password hash is the caller's (`hashPassword`): one hash may serve many imported
 * accounts.
 *
 * With `skipExisting` (an import that may run again), an account whose stream is in the
 * log already, or whose username or email another account holds (or an earlier one of
 * the same call), is left out and returned with the reason, as sign-up would refuse it;
 * only a sign-up that claims the name meanwhile still fails the lot.
 */
export async function importRegistrations<E extends ImportedEvent>(
  db: Db,
  events: readonly E[],
  options: { skipExisting?: boolean } = {},
): Promise<SkippedImport<E>[]> {
  if (events.length === 0) return [];
  const claimsOf = (event: E) => {
    const registered = payloadOf(UserRegistered, event);
    return { username: usernameKey(registered.username), email: emailKey(registered.email), id: registered.user_id };
  };
  return db.transaction().execute(async (trx) => {
    const skipped: SkippedImport<E>[] = [];
    let fresh = events;
    if (options.skipExisting) {
      const known = await streamsInLog(
        trx,
        events.map((e) => userStream(claimsOf(e).id)),
      );
      const taken = await claimedAmong(trx, events.map(claimsOf));
      fresh = events.filter((event) => {
        const claims = claimsOf(event);
        const reason = known.has(userStream(claims.id))
          ? IN_LOG_ALREADY
          : taken.usernames.has(claims.username)
            ? USERNAME_TAKEN
            : taken.emails.has(claims.email)
              ? EMAIL_TAKEN
              : undefined;
        if (reason) skipped.push({ event, reason });
        else {
          known.add(userStream(claims.id));
          taken.usernames.add(claims.username);
          taken.emails.add(claims.email);
        }
        return !reason;
      });
    }
    const rows = JSON.stringify(fresh.map(claimsOf));
    await sql`insert into username_claims (username_key, user_id)
              select username, id from json_to_recordset(${rows}::json) as r(username text, email text, id text)`.execute(
      trx,
    );
    await sql`insert into email_claims (email_key, user_id)
              select email, id from json_to_recordset(${rows}::json) as r(username text, email text, id text)`.execute(
      trx,
    );
    await appendNewStreams(trx, fresh, (event) => userStream(claimsOf(event).id));
    return skipped;
  });
}

/** Of these accounts' names, the keys some account holds already. */
async function claimedAmong(db: Db, claims: ReadonlyArray<{ username: string; email: string }>): Promise<ClaimedNames> {
  const rows = JSON.stringify(claims);
  const usernames = await sql<{ key: string }>`
    select username_key as key from username_claims
    where username_key in (select username from json_to_recordset(${rows}::json) as r(username text))`.execute(db);
  const emails = await sql<{ key: string }>`
    select email_key as key from email_claims
    where email_key in (select email from json_to_recordset(${rows}::json) as r(email text))`.execute(db);
  return { usernames: new Set(usernames.rows.map((r) => r.key)), emails: new Set(emails.rows.map((r) => r.key)) };
}
