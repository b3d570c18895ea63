/**
 * Where a Mastodon entity's links point: the web app's pages (PUBLIC_URL), which show the
 * same accounts, tweets and hashtags to a person following a link from a Mastodon app.
 */
export interface Site {
  /** The web app's origin, without a trailing slash. */
  origin: string;
}

export const accountUrl = (site: Site, username: string) => `${site.origin}/u/${encodeURIComponent(username)}`;
export const statusUrl = (site: Site, id: string) => `${site.origin}/t/${encodeURIComponent(id)}`;
export const tagUrl = (site: Site, tag: string) => `${site.origin}/tags/${encodeURIComponent(tag)}`;
/** A picture made from the account's id (avatar.ts): Starling has no profile pictures. */
export const avatarUrl = (site: Site, id: string) => `${site.origin}/mastodon/avatars/${encodeURIComponent(id)}`;
export const headerUrl = (site: Site) => `${site.origin}/mastodon/header.png`;
/** The streaming API's origin: PUBLIC_URL with ws:// for http:// and wss:// for https://. */
export const streamingUrl = (site: Site) => site.origin.replace(/^http/, 'ws');
