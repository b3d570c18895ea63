import { problems } from '@starling/kit';
import { registerApp } from '../commands/apps.js';
import { parseRedirectUris, parseScopes, unknownScopes } from '../domain/apps.js';
import { presentApp } from '../presenters/app.js';
import type { Handler } from './deps.js';

export const createApp: Handler<'createApp'> =
  ({ ctx }) =>
  async (request, reply) => {
    const body = request.body;
    const { uris, invalid } = parseRedirectUris(body.redirect_uris);
    const scopes = body.scopes === undefined || body.scopes.trim() === '' ? ['read'] : parseScopes(body.scopes);
    const errors = [
      ...(uris.length === 0 ? [{ field: 'redirect_uris', reason: 'must name at least one URI' }] : []),
      ...invalid.map((uri) => ({ field: 'redirect_uris', reason: `${uri} is not an absolute URI without a fragment` })),
      ...unknownScopes(scopes).map((scope) => ({ field: 'scopes', reason: `${scope} is not a known scope` })),
    ];
    if (errors.length) throw problems.unprocessable('The app cannot be registered.', errors);
    const name = body.client_name.trim();
    if (!name) throw problems.unprocessable('The app needs a name.', [{ field: 'client_name', reason: 'is empty' }]);
    const website = body.website?.trim() || null;
    const app = { name, website, redirectUris: uris, scopes };
    const { clientId, clientSecret } = await registerApp(ctx, app, request.id);
    reply.header('cache-control', 'no-store');
    return {
      ...presentApp({ clientId, ...app }),
      id: clientId,
      redirect_uri: uris.join('\n'),
      redirect_uris: uris,
      client_id: clientId,
      client_secret: clientSecret,
      client_secret_expires_at: 0 as const,
    };
  };
