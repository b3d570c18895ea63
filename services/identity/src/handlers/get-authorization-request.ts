import { holdsScope, problems } from '@starling/kit';
import { grantableScopes, OUT_OF_BAND, parseScopes, SCOPE_DESCRIPTIONS } from '../domain/apps.js';
import { findApp } from '../read-models/apps.js';
import type { Handler } from './deps.js';

/**
 * What the consent page shows: checked before any user sees it, so a forged request
 * (an unknown app, a redirect URI it did not register) is an error page, never a
 * redirect to somewhere an attacker chose.
 */
export const getAuthorizationRequest: Handler<'getAuthorizationRequest'> =
  ({ ctx }) =>
  async (request) => {
    const query = request.query;
    const app = await findApp(ctx.db, query.client_id);
    if (!app) throw problems.badRequest('No app is registered with this client_id.');
    if (!app.redirectUris.includes(query.redirect_uri)) {
      throw problems.badRequest('This redirect_uri is not one the app registered.');
    }
    if (query.response_type !== undefined && query.response_type !== 'code') {
      throw problems.badRequest('Only response_type=code is supported.');
    }
    const scopes = grantableScopes(app.scopes, parseScopes(query.scope), holdsScope);
    if (!scopes) throw problems.badRequest('The app asks for scopes it did not register for.');
    return {
      app: { name: app.name, website: app.website },
      scopes: scopes.map((scope) => ({ scope, description: SCOPE_DESCRIPTIONS[scope] ?? scope })),
      redirect_uri: query.redirect_uri,
      out_of_band: query.redirect_uri === OUT_OF_BAND,
    };
  };
