import type { IdentityDb, OAuthAppsTable } from '../tables.js';

export interface AppView {
  clientId: string;
  name: string;
  website: string | null;
  redirectUris: string[];
  scopes: string[];
  clientSecretHash: string;
}

const toView = (row: OAuthAppsTable): AppView => ({
  clientId: row.client_id,
  name: row.name,
  website: row.website,
  redirectUris: row.redirect_uris.split('\n').filter(Boolean),
  scopes: row.scopes.split(' ').filter(Boolean),
  clientSecretHash: row.client_secret_hash,
});

export async function findApp(db: IdentityDb, clientId: string): Promise<AppView | undefined> {
  const row = await db.selectFrom('oauth_apps').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  return row && toView(row);
}

export interface AuthorizationView {
  id: string;
  clientId: string;
  userId: string | null;
  scopes: string[];
  createdAt: Date;
  appName: string;
  website: string | null;
}

/** An authorization still in force. */
export async function findOpenAuthorization(db: IdentityDb, id: string): Promise<AuthorizationView | undefined> {
  const rows = await openAuthorizations(db).where('a.authorization_id', '=', id).execute();
  return rows[0] && toAuthorization(rows[0]);
}

/** The apps a user has let act for them and not revoked, newest first. */
export async function listUserAuthorizations(db: IdentityDb, userId: string): Promise<AuthorizationView[]> {
  const rows = await openAuthorizations(db)
    .where('a.user_id', '=', userId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.authorization_id')
    .limit(200)
    .execute();
  return rows.map(toAuthorization);
}

const openAuthorizations = (db: IdentityDb) =>
  db
    .selectFrom('oauth_authorizations as a')
    .innerJoin('oauth_apps as p', 'p.client_id', 'a.client_id')
    .select(['a.authorization_id', 'a.client_id', 'a.user_id', 'a.scopes', 'a.created_at', 'p.name', 'p.website'])
    .where('a.ended_at', 'is', null);

type Row = Awaited<ReturnType<ReturnType<typeof openAuthorizations>['execute']>>[number];

const toAuthorization = (row: Row): AuthorizationView => ({
  id: row.authorization_id,
  clientId: row.client_id,
  userId: row.user_id,
  scopes: row.scopes.split(' ').filter(Boolean),
  createdAt: new Date(row.created_at),
  appName: row.name,
  website: row.website,
});
