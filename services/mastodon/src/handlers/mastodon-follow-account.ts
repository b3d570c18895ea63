import { answerOf, starlingApi } from '../infra/starling-api.js';
import type { Handler } from './deps.js';
import { relationship } from './relationships.js';

export const mastodonFollowAccount: Handler<'mastodonFollowAccount'> = (ctx) => async (request) => {
  const { id } = request.params;
  const api = starlingApi(ctx, request);
  const now = answerOf(await api.POST('/api/v1/users/{id}/follow', { params: { path: { id } } }));
  return relationship(id, now.following, now.followed_by);
};
