import { createStarlingClient, type StarlingClient } from '@starling/sdk';

const CSRF_COOKIE = 'starling_csrf';

function readCookie(name: string): string | undefined {
  const value = document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  return value === undefined ? undefined : decodeURIComponent(value);
}

/** The CSRF token a write echoes in `x-csrf-token` (the session rides in a cookie). */
export function csrfToken(): string | undefined {
  return readCookie(CSRF_COOKIE);
}

/**
 * The web app's API client: the SDK, with the session in an HttpOnly cookie and
 * writes echoing the CSRF cookie in a header.
 */
export function createApiClient(baseUrl = ''): StarlingClient {
  return createStarlingClient({ baseUrl, credentials: 'same-origin', csrfToken });
}

export type ApiClient = StarlingClient;
