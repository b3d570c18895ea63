/**
 * The Starling API client. Every path, parameter, body and response type comes from
 * the services' merged OpenAPI contract (src/generated/openapi.ts, made by `npm run gen`),
 * so a client built on it, the web app and the tests alike, cannot drift from the API.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './generated/openapi.js';

export type { components, operations, paths };

type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];
export type ApiInfo = Schemas['ApiInfo'];
export type User = Schemas['User'];
export type NewUser = Schemas['NewUser'];
export type UserUpdate = Schemas['UserUpdate'];
export type AccessToken = Schemas['AccessToken'];
export type Relationship = Schemas['Relationship'];
export type FollowedUser = Schemas['FollowedUser'];
export type FollowList = Schemas['FollowList'];
export type Tweet = Schemas['Tweet'];
export type NewTweet = Schemas['NewTweet'];
export type TweetEntities = Schemas['TweetEntities'];
export type TweetContext = Schemas['TweetContext'];
export type TweetLiker = Schemas['TweetLiker'];
export type TweetLikerList = Schemas['TweetLikerList'];
export type TweetReposter = Schemas['TweetReposter'];
export type TweetReposterList = Schemas['TweetReposterList'];
export type TimelinePage = Schemas['TimelinePage'];
export type SearchUser = Schemas['SearchUser'];
export type SearchResults = Schemas['SearchResults'];
export type MediaAttachment = Schemas['MediaAttachment'];
export type MediaMeta = Schemas['MediaMeta'];
export type MediaUpload = Schemas['MediaUpload'];

export type StarlingClient = Client<paths>;

export interface ClientOptions {
  /** Where Starling answers, e.g. `https://starling.example`; '' for the page's own origin. */
  baseUrl?: string;
  /**
   * A bearer token (`access_token` from `POST /api/v1/auth/login`), or a function that
   * returns the current one: how programs authenticate.
   */
  token?: string | (() => string | undefined);
  /**
   * The CSRF token to echo on writes, for a browser whose session rides in a cookie
   * (the web app reads it from the `starling_csrf` cookie).
   */
  csrfToken?: () => string | undefined;
  /** `same-origin` by default; `include` to send the session cookie across origins. */
  credentials?: RequestCredentials;
  /** Another fetch, e.g. one that adds tracing or sends requests in-process. */
  fetch?: (request: Request) => Promise<Response>;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A typed client for the whole Starling API: `client.GET('/api/v2/tweets/{id}', …)`. */
export function createStarlingClient(options: ClientOptions = {}): StarlingClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    credentials: options.credentials ?? 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const { token, csrfToken } = options;
  const credentials: Middleware = {
    onRequest({ request }) {
      const bearer = typeof token === 'function' ? token() : token;
      if (bearer) request.headers.set('authorization', `Bearer ${bearer}`);
      const csrf = csrfToken?.();
      if (csrf && !SAFE.has(request.method)) request.headers.set('x-csrf-token', csrf);
      return request;
    },
  };
  client.use(credentials);
  return client;
}
