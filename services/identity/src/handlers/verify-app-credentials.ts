import { problems } from '@starling/kit';
import { presentApp } from '../presenters/app.js';
import { findApp } from '../read-models/apps.js';
import type { Handler } from './deps.js';

/** The app a token was issued to, whether it acts for a user or for itself. */
export const verifyAppCredentials: Handler<'verifyAppCredentials'> =
  ({ ctx }) =>
  async (request) => {
    const grant = await ctx.auth.appGrant(request);
    if (!grant) throw problems.unauthorized('This operation takes an access token issued to an app.');
    const app = await findApp(ctx.db, grant.clientId);
    if (!app) throw problems.unauthorized('The app this token was issued to is not registered.');
    return { ...presentApp(app), scopes: [...grant.scopes] };
  };
