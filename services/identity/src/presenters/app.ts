import type { components } from '../generated/openapi.js';
import type { AppView, AuthorizationView } from '../read-models/apps.js';

type AppSummary = components['schemas']['AppSummary'];

/** An app as Mastodon's Application shows it, without its credentials. */
export const presentApp = (app: Omit<AppView, 'clientSecretHash'>): AppSummary => ({
  id: app.clientId,
  name: app.name,
  website: app.website,
  scopes: app.scopes,
  redirect_uri: app.redirectUris.join('\n'),
  redirect_uris: app.redirectUris,
  // Web push is not offered: Mastodon clients take an empty key as "none".
  vapid_key: '',
});

export const presentAuthorization = (a: AuthorizationView): components['schemas']['AppAuthorization'] => ({
  id: a.id,
  app: { name: a.appName, website: a.website },
  scopes: a.scopes,
  created_at: a.createdAt.toISOString(),
});
