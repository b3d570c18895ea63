import { answerOf, starlingApi } from '../infra/starling-api.js';
import { presentCredentialAccount } from '../presenters/account.js';
import { siteOf, type Handler } from './deps.js';
import { formFields, text } from './forms.js';

/**
 * Changes the caller's display name and bio (`note`, plain text), the profile settings
 * Starling has; the others an app may send (avatar, header, fields, locked…) are
 * accepted and ignored.
 */
export const mastodonUpdateCredentials: Handler<'mastodonUpdateCredentials'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request) => {
    const api = starlingApi(ctx, request);
    const fields = await formFields(request);
    const me = answerOf(await api.GET('/api/v1/auth/me'));
    const name = text(fields.display_name);
    const bio = text(fields.note);
    if (name === undefined && bio === undefined) return presentCredentialAccount(me, site);
    const changed = answerOf(
      await api.PUT('/api/v1/users/{id}', {
        params: { path: { id: me.id } },
        body: { ...(name !== undefined ? { name } : {}), ...(bio !== undefined ? { bio } : {}) },
      }),
    );
    return presentCredentialAccount(changed, site);
  };
};
