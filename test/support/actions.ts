/**
 * What a user does through the API, written once for every suite: each action asserts
 * that the API accepted it and returns what the contract says it returns, typed by the
 * SDK (`@starling/sdk`), so no test restates a schema by hand.
 */
import type {
  MediaAttachment,
  Relationship,
  Tweet,
  TweetLiker,
  TweetLikerList,
  TweetReposter,
  TweetReposterList,
  User,
} from '@starling/sdk';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { form, type FormPart } from './pictures.js';
import { PASSWORD, type RequestOptions, type Starling } from './starling.js';

type Method = 'POST' | 'DELETE';
/** Called with every response, e.g. to check it against the contract. */
export type ResponseCheck = (method: string, url: string, res: LightMyRequestResponse) => void;
export type SignedUp = Awaited<ReturnType<Starling['signUp']>>;

const as = (token: string | undefined) => (token ? { token } : {});

export function actionsOf(s: Pick<Starling, 'request' | 'signUp'>, check?: ResponseCheck) {
  const call = async (o: RequestOptions) => {
    const res = await s.request(o);
    check?.(o.method ?? 'GET', o.url, res);
    return res;
  };
  /** The request's body, once it answered `status`. */
  const expectStatus = async <T>(o: RequestOptions, status: number): Promise<T> => {
    const res = await call(o);
    expect(res.statusCode, res.body).toBe(status);
    return (res.body ? res.json() : undefined) as T;
  };

  /** `POST /api/v2/media` with a multipart form of `parts`, as a browser sends one. */
  const upload = (token: string, parts: FormPart[]) => {
    const body = form(parts);
    return call({
      method: 'POST',
      url: '/api/v2/media',
      token,
      headers: { 'content-type': body.contentType },
      payload: body.payload,
    });
  };

  return {
    call,
    expectStatus,
    upload,
    /** An upload accepted (202): the attachment, processing or already ready. */
    async uploadOk(token: string, parts: FormPart[]): Promise<MediaAttachment> {
      const res = await upload(token, parts);
      expect(res.statusCode, res.body).toBe(202);
      return res.json() as MediaAttachment;
    },
    /** `n` new users, `<prefix>0` … `<prefix>{n-1}`, signed up and logged in one after another. */
    async signUpMany(prefix: string, n: number): Promise<SignedUp[]> {
      const users = [];
      for (let i = 0; i < n; i++) users.push(await s.signUp(`${prefix}${i}`));
      return users;
    },
    /** `POST /api/v1/auth/login`, answered as it is (the suites check refusals too). */
    login: (username: string, password = PASSWORD, remoteAddress?: string) =>
      call({
        method: 'POST',
        url: '/api/v1/auth/login',
        json: { username, password },
        ...(remoteAddress ? { remoteAddress } : {}),
      }),
    postOk: (token: string, body: string, inReplyTo?: string) =>
      expectStatus<Tweet>(
        {
          method: 'POST',
          url: '/api/v2/tweets',
          token,
          json: { body, ...(inReplyTo !== undefined ? { in_reply_to_id: inReplyTo } : {}) },
        },
        201,
      ),
    getOk: (id: string, token?: string) => expectStatus<Tweet>({ url: `/api/v2/tweets/${id}`, ...as(token) }, 200),
    removeOk: (token: string, id: string) =>
      expectStatus<undefined>({ method: 'DELETE', url: `/api/v2/tweets/${id}`, token }, 204),
    like: (token: string | undefined, id: string, method: Method = 'POST') =>
      call({ method, url: `/api/v2/tweets/${id}/like`, ...as(token) }),
    likeOk: (token: string, id: string, method: Method = 'POST') =>
      expectStatus<Tweet>({ method, url: `/api/v2/tweets/${id}/like`, token }, 200),
    repost: (token: string | undefined, id: string, method: Method = 'POST') =>
      call({ method, url: `/api/v2/tweets/${id}/repost`, ...as(token) }),
    repostOk: (token: string, id: string, method: Method = 'POST') =>
      expectStatus<Tweet>({ method, url: `/api/v2/tweets/${id}/repost`, token }, 200),
    async likers(id: string, query = '?limit=100'): Promise<TweetLiker[]> {
      return (await expectStatus<TweetLikerList>({ url: `/api/v2/tweets/${id}/liked_by${query}` }, 200)).user_list;
    },
    async reposters(id: string, query = '?limit=100'): Promise<TweetReposter[]> {
      return (await expectStatus<TweetReposterList>({ url: `/api/v2/tweets/${id}/reposted_by${query}` }, 200))
        .user_list;
    },
    follow: (token: string | undefined, id: string, method: Method = 'POST') =>
      call({ method, url: `/api/v1/users/${id}/follow`, ...as(token) }),
    followOk: (token: string, id: string, method: Method = 'POST') =>
      expectStatus<Relationship>({ method, url: `/api/v1/users/${id}/follow`, token }, 200),
    userOk: (id: string, token?: string) => expectStatus<User>({ url: `/api/v1/users/${id}`, ...as(token) }, 200),
  };
}
