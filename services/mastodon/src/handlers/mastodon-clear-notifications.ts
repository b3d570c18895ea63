import { NotifyApi } from '../infra/notify-api.js';
import { starlingApi } from '../infra/starling-api.js';
import { starlingTypes } from '../presenters/notification.js';
import type { Handler } from './deps.js';

/**
 * Removes every notification a Mastodon client shows the caller, one dismissal each
 * (notify has no bulk removal). Starling's own notices with no Mastodon type (a disabled
 * webhook), which the client never showed, stay for the web app.
 */
export const mastodonClearNotifications: Handler<'mastodonClearNotifications'> = (ctx) => async (request) => {
  await ctx.auth.require(request);
  const notify = new NotifyApi(starlingApi(ctx, request));
  // Gathered first: dismissing while paging would move the pages under the cursor.
  const ids: string[] = [];
  for await (const page of notify.all(starlingTypes())) ids.push(...page.map((n) => n.id));
  for (const id of ids) await notify.dismiss(id);
  return {};
};
