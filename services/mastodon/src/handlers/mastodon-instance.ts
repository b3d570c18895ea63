import { presentInstance } from '../presenters/instance.js';
import { mastodonSettings } from '../settings.js';
import { siteOf, type Handler } from './deps.js';

/** The server as Mastodon apps first read it: version, limits, where to stream. */
export const mastodonInstance: Handler<'mastodonInstance'> = (ctx) => {
  const document = presentInstance(siteOf(ctx), mastodonSettings(ctx.config.env));
  return async () => document;
};
