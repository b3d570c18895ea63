import { problems } from '@starling/kit';
import { presentAuthorization } from '../presenters/app.js';
import { listUserAuthorizations } from '../read-models/apps.js';
import type { Handler } from './deps.js';

export const listAppAuthorizations: Handler<'listAppAuthorizations'> =
  ({ ctx }) =>
  async (request, reply) => {
    const caller = await ctx.auth.require(request);
    if (caller.scopes)
      throw problems.forbidden('Only the user, signed in to Starling, may see the apps they authorized.');
    reply.header('cache-control', 'private, no-cache');
    return { authorizations: (await listUserAuthorizations(ctx.db, caller.userId)).map(presentAuthorization) };
  };
