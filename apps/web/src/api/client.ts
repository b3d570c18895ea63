import { createStarlingClient, type StarlingClient } from '@starling/sdk';

const CSRF_COOKIE = 'starling_csrf';

function readCookie(name: string): string | undefined {
  const value = document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  return value === undefined ? undefined : decodeURIComponent(value);
}

/**
 * The web app's API client: the SDK, with the session in an HttpOnly cookie and
 * writes echoing the CSRF cookie in a header.
 */
export function createApiClient(baseUrl = ''): StarlingClient {
  return createStarlingClient({ baseUrl, credentials: 'same-origin', csrfToken: () => readCookie(CSRF_COOKIE) });
}

export type ApiClient = StarlingClient;
