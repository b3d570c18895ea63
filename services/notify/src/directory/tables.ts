/**
 * What the notify service knows of other services' data, from their events (it never
 * reads their tables): the accounts it writes to and about, and the tweets its
 * notifications show.
 */

/** An account: how it is named in a notification, where its mail goes, whether it is an admin. */
export interface AccountsTable {
  id: string;
  username: string;
  name: string;
  email: string;
  /** Whether `email` was confirmed (EmailVerified for this very address). */
  email_verified: boolean;
  is_admin: boolean;
  deleted: boolean;
}

/** A tweet a notification may be about: who wrote it, what it says, whether it is gone. */
export interface TweetsTable {
  id: string;
  author_id: string;
  body: string;
  in_reply_to_author_id: string | null;
  created_at: Date;
  deleted: boolean;
}

export interface DirectoryTables {
  accounts: AccountsTable;
  tweets: TweetsTable;
}
