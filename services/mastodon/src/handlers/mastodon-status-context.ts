import { presentStatus } from '../presenters/status.js';
import { answerOf, starlingApi } from '../infra/starling-api.js';
import { siteOf, type Handler } from './deps.js';
import { peopleOf } from './people.js';

export const mastodonStatusContext: Handler<'mastodonStatusContext'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request) => {
    const api = starlingApi(ctx, request);
    const thread = answerOf(
      await api.GET('/api/v2/tweets/{id}/context', { params: { path: { id: request.params.id } } }),
    );
    const people = await peopleOf(api, [...thread.ancestors, ...thread.descendants], site);
    return {
      ancestors: thread.ancestors.map((t) => presentStatus(t, people, site)),
      descendants: thread.descendants.map((t) => presentStatus(t, people, site)),
    };
  };
};
