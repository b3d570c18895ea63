import { starlingApi } from '../infra/starling-api.js';
import type { Handler } from './deps.js';
import { usersOf } from './people.js';
import { relationship } from './relationships.js';

/** How the caller relates to each account named (`id[]`), in order; unknown ids are left out. */
export const mastodonRelationships: Handler<'mastodonRelationships'> = (ctx) => async (request) => {
  await ctx.auth.require(request);
  const api = starlingApi(ctx, request);
  const ids = [...new Set([...(request.query['id[]'] ?? []), ...(request.query.id ?? [])])];
  const users = await usersOf(api, ids);
  return users.map((u) => relationship(u.id, u.following ?? false, u.followed_by ?? false));
};
