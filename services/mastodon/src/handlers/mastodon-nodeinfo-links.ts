import { siteOf, type Handler } from './deps.js';

/** Where the NodeInfo document is, for crawlers and apps that identify the server software. */
export const mastodonNodeinfoLinks: Handler<'mastodonNodeinfoLinks'> = (ctx) => {
  const document = {
    links: [{ rel: 'http://nodeinfo.diaspora.software/ns/schema/2.0', href: `${siteOf(ctx).origin}/nodeinfo/2.0` }],
  };
  return async () => document;
};
