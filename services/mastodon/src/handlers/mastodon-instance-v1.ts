import { presentInstanceV1 } from '../presenters/instance.js';
import { mastodonSettings } from '../settings.js';
import { siteOf, type Handler } from './deps.js';

/** The server in Mastodon's v1 form, which older apps read. */
export const mastodonInstanceV1: Handler<'mastodonInstanceV1'> = (ctx) => {
  const document = presentInstanceV1(siteOf(ctx), mastodonSettings(ctx.config.env));
  return async () => document;
};
