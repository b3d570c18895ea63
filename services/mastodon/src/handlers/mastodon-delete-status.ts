import { answerOf, starlingApi, succeeded } from '../infra/starling-api.js';
import { presentDeletedStatus } from '../presenters/status.js';
import { siteOf, type Handler } from './deps.js';
import { peopleOf } from './people.js';

/** Deletes the caller's status and answers it with its source `text`, for "delete and redraft". */
export const mastodonDeleteStatus: Handler<'mastodonDeleteStatus'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request) => {
    const api = starlingApi(ctx, request);
    const path = { id: request.params.id };
    const tweet = answerOf(await api.GET('/api/v2/tweets/{id}', { params: { path } }));
    const people = await peopleOf(api, [tweet], site);
    succeeded(await api.DELETE('/api/v2/tweets/{id}', { params: { path } }));
    return presentDeletedStatus(tweet, people, site);
  };
};
