import { keysetPages } from '@starling/kit';
import type { IdentityDb } from '../tables.js';

/** An account as `starling export` writes it out. */
export interface AccountForExport {
  id: string;
  username: string;
  name: string;
  email: string;
  /** '' when the account has none. */
  bio: string;
  created_at: Date;
  /** '' for an account with no password (made by an external sign-in). */
  password_hash: string;
}

/**
 * Every live account, oldest first, a page at a time, with its password hash: the
 * salted scrypt hash, never the password, which an import into another Starling
 * carries over so that the accounts log in there as here. The caller decides whether
 * to write it out; it must never be shown.
 */
export function accountsForExport(db: IdentityDb, pageSize = 1_000): AsyncGenerator<AccountForExport[]> {
  return keysetPages((after: AccountForExport | undefined) => {
    let query = db
      .selectFrom('users as u')
      .leftJoin('credentials as c', 'c.user_id', 'u.id')
      .select(['u.id', 'u.username', 'u.name', 'u.email', 'u.bio', 'u.created_at'])
      .select((eb) => eb.fn.coalesce('c.password_hash', eb.val('')).as('password_hash'))
      .orderBy('u.id')
      .limit(pageSize);
    if (after) query = query.where('u.id', '>', after.id);
    return query.execute();
  });
}
