import { answerOf, starlingApi } from '../infra/starling-api.js';
import { presentCredentialAccount } from '../presenters/account.js';
import { siteOf, type Handler } from './deps.js';

/** The caller's own account, with `source`: how an app learns who it is signed in as. */
export const mastodonVerifyCredentials: Handler<'mastodonVerifyCredentials'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request) => {
    const me = answerOf(await starlingApi(ctx, request).GET('/api/v1/auth/me'));
    return presentCredentialAccount(me, site);
  };
};
