import { OAUTH_SCOPES } from '@starling/kit';

/** The redirect URI of an app that cannot receive one: the user copies the code instead. */
export const OUT_OF_BAND = 'urn:ietf:wg:oauth:2.0:oob';

export const appStream = (clientId: string) => `app-${clientId}`;
export const authorizationStream = (authorizationId: string) => `app-authorization-${authorizationId}`;

/** Scopes as OAuth 2 writes them: space-separated. Repeats are dropped. */
export const parseScopes = (value: string | undefined): string[] => [
  ...new Set((value ?? '').split(/\s+/).filter(Boolean)),
];

export const unknownScopes = (scopes: readonly string[]) => scopes.filter((s) => !OAUTH_SCOPES.includes(s));

/**
 * Redirect URIs as Mastodon takes them: an array, or one string with a URI a line. Each
 * must be an absolute URI without a fragment (RFC 6749 §3.1.2), or the out-of-band one.
 */
export function parseRedirectUris(value: string | string[]): { uris: string[]; invalid: string[] } {
  const uris = [...new Set((Array.isArray(value) ? value : value.split(/\r?\n/)).map((u) => u.trim()).filter(Boolean))];
  return { uris, invalid: uris.filter((uri) => !isRedirectUri(uri)) };
}

function isRedirectUri(uri: string): boolean {
  if (uri === OUT_OF_BAND) return true;
  try {
    const url = new URL(uri);
    // A page's own scripts (javascript:, data:) are never somewhere to send a code.
    return !url.hash && !['javascript:', 'data:', 'vbscript:', 'file:'].includes(url.protocol);
  } catch {
    return false;
  }
}

/**
 * The scopes an app is granted: those it asked for, each within what it registered
 * for (a broad scope it registered covers its granular forms). Asking for nothing means
 * everything it registered for. Undefined when it asked for any it may not have.
 */
export function grantableScopes(
  registered: readonly string[],
  requested: readonly string[],
  grants: (held: readonly string[], needed: string) => boolean,
): string[] | undefined {
  if (requested.length === 0) return [...registered];
  if (unknownScopes(requested).length) return undefined;
  return requested.every((scope) => grants(registered, scope)) ? [...requested] : undefined;
}

/** What each scope lets an app do, in words for the consent page. */
export const SCOPE_DESCRIPTIONS: Record<string, string> = {
  read: 'Read all your account data',
  write: 'Change all your account data',
  follow: 'Follow, block and mute accounts, and see whom you follow, block and mute',
  push: 'Receive push notifications',
  profile: 'Read your profile only',
  'read:accounts': 'See accounts and their profiles',
  'read:blocks': 'See whom you block',
  'read:bookmarks': 'See your bookmarks',
  'read:favourites': 'See your likes',
  'read:filters': 'See your filters',
  'read:follows': 'See whom you follow',
  'read:lists': 'See your lists',
  'read:mutes': 'See whom you mute',
  'read:notifications': 'See your notifications',
  'read:search': 'Search on your behalf',
  'read:statuses': 'See your timelines and posts',
  'write:accounts': 'Change your profile',
  'write:blocks': 'Block and unblock accounts',
  'write:bookmarks': 'Bookmark posts',
  'write:conversations': 'Mute and delete conversations',
  'write:favourites': 'Like and unlike posts',
  'write:filters': 'Create filters',
  'write:follows': 'Follow and unfollow accounts',
  'write:lists': 'Create lists',
  'write:media': 'Upload media',
  'write:mutes': 'Mute accounts and conversations',
  'write:notifications': 'Clear your notifications',
  'write:reports': 'Report other accounts',
  'write:statuses': 'Post and delete posts',
};
