import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Db } from '@starling/kit';

/**
 * The identity service's tables, as its migrations leave them: the one place a table's
 * shape is written down, and what the service's queries are checked against. The event
 * store's own tables (`events`, `consumer_checkpoints`) belong to the kit.
 */

/** Who holds a username (lower-cased): claimed in the transaction that registers or renames. */
export interface UsernameClaimsTable {
  username_key: string;
  user_id: string;
}

/** Who holds an email address (lower-cased). */
export interface EmailClaimsTable {
  email_key: string;
  user_id: string;
}

/** The keys access tokens are signed with; jsonb, written as JSON text. */
export interface SigningKeysTable {
  kid: string;
  private_jwk: JSONColumnType<Record<string, unknown>>;
  public_jwk: JSONColumnType<Record<string, unknown>>;
  created_at: Generated<Date>;
}

/** Every live account as shown. */
export interface UsersTable {
  id: string;
  username: string;
  username_key: string;
  name: string;
  email: string;
  /** Whether `email` was confirmed (EmailVerified for this very address). */
  email_verified: Generated<boolean>;
  role: Generated<'user' | 'admin'>;
  /** '' when the user has none. */
  bio: Generated<string>;
  created_at: Date;
  version: number;
  modified_at: Generated<Date>;
}

export interface CredentialsTable {
  user_id: string;
  password_hash: string;
}

/** Sessions, so a password change can end every other one. */
export interface SessionsTable {
  session_id: string;
  user_id: string;
  /** Written from the event's ISO time. */
  expires_at: ColumnType<Date, Date | string, Date | string>;
  ended_at: Date | null;
}

/** Who follows whom, for the users' counts. */
export interface RelationshipsTable {
  follower_id: string;
  followee_id: string;
  followed_at: Date;
}

export interface RelationshipCountsTable {
  user_id: string;
  followers_count: Generated<number>;
  following_count: Generated<number>;
  modified_at: Generated<Date>;
}

/** Which tweets each account wrote, and whether they are deleted, for its tweet count. */
export interface AuthoredTweetsTable {
  tweet_id: string;
  author_id: string;
  deleted: boolean;
}

export interface TweetCountsTable {
  user_id: string;
  tweets_count: Generated<number>;
  modified_at: Generated<Date>;
}

/** Failed logins and sign-ups, counted in fixed windows. */
export interface AttemptCountersTable {
  key: string;
  count: number;
  window_ends_at: ColumnType<Date, Date | string, Date | string>;
}

/** What a mailed link's token is for. */
export type TokenPurpose = 'password-reset' | 'confirm-email';

/** Tokens mailed and not yet used, by their sha256: never the token itself. */
export interface MailedTokensTable {
  token_hash: string;
  user_id: string;
  purpose: TokenPurpose;
  /** The address the link was mailed to. */
  email: string;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

/** Registered third-party apps (OAuth 2 clients). */
export interface OAuthAppsTable {
  client_id: string;
  name: string;
  website: string | null;
  /** One URI a line. */
  redirect_uris: string;
  /** Space-separated, as OAuth 2 writes them. */
  scopes: string;
  client_secret_hash: string;
  created_at: Date;
}

/** What users (or, with no user, apps themselves) authorized: a token's `sid`. */
export interface OAuthAuthorizationsTable {
  authorization_id: string;
  client_id: string;
  user_id: string | null;
  scopes: string;
  created_at: Date;
  ended_at: Date | null;
}

/** Authorization codes not yet exchanged, by their sha256. */
export interface OAuthCodesTable {
  code_hash: string;
  client_id: string;
  user_id: string;
  redirect_uri: string;
  scopes: string;
  code_challenge: string | null;
  code_challenge_method: string | null;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

/** The current refresh token of each authorization, by its sha256. */
export interface OAuthRefreshTokensTable {
  token_hash: string;
  authorization_id: string;
}

/** Which account holds an external provider's subject (write-side, claimed when linking). */
export interface ExternalIdentityClaimsTable {
  provider: string;
  subject: string;
  user_id: string;
  identity_id: string;
}

/** Each account's linked external identities, as shown to their owner. */
export interface ExternalIdentitiesTable {
  id: string;
  user_id: string;
  provider: string;
  subject: string;
  email: string | null;
  linked_at: Date;
}

/** A sign-in with an external provider under way, by the sha256 of its `state`; used once. */
export interface ExternalLoginFlowsTable {
  state_hash: string;
  provider: string;
  nonce: string;
  code_verifier: string;
  /** The signed-in account the identity is to be linked to; null for a sign-in. */
  link_user_id: string | null;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface IdentityDatabase {
  username_claims: UsernameClaimsTable;
  email_claims: EmailClaimsTable;
  signing_keys: SigningKeysTable;
  users: UsersTable;
  credentials: CredentialsTable;
  sessions: SessionsTable;
  relationships: RelationshipsTable;
  relationship_counts: RelationshipCountsTable;
  authored_tweets: AuthoredTweetsTable;
  tweet_counts: TweetCountsTable;
  attempt_counters: AttemptCountersTable;
  mailed_tokens: MailedTokensTable;
  external_identity_claims: ExternalIdentityClaimsTable;
  external_identities: ExternalIdentitiesTable;
  external_login_flows: ExternalLoginFlowsTable;
  oauth_apps: OAuthAppsTable;
  oauth_authorizations: OAuthAuthorizationsTable;
  oauth_codes: OAuthCodesTable;
  oauth_refresh_tokens: OAuthRefreshTokensTable;
}

/** The identity service's schema, with its queries checked against its tables. */
export type IdentityDb = Db<IdentityDatabase>;
