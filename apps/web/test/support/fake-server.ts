import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { MediaAttachment, User, Tweet } from '@starling/sdk';

export type { MediaAttachment, User, Tweet };

export const ORIGIN = 'http://starling.test';

type Params = Record<string, string>;
type Handler = (request: Request, url: URL, params: Params) => Response | Promise<Response>;

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
}

export function problem(
  status: number,
  detail: string,
  errors?: { field: string; reason: string }[],
  headers: Record<string, string> = {},
): Response {
  return new Response(
    JSON.stringify({ type: 'about:blank', title: 'Error', status, detail, ...(errors ? { errors } : {}) }),
    {
      status,
      headers: { 'content-type': 'application/problem+json', ...headers },
    },
  );
}

const counts = { followers_count: 0, following_count: 0, tweets_count: 0 };

export const ada: User = {
  id: 'u-ada',
  username: 'ada',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  created_at: '2024-01-01T00:00:00.000Z',
  ...counts,
};

export const grace: User = {
  id: 'u-grace',
  username: 'grace',
  name: 'Grace Hopper',
  created_at: '2024-01-02T00:00:00.000Z',
  ...counts,
};

export const linus: User = {
  id: 'u-linus',
  username: 'linus',
  name: 'Linus Torvalds',
  created_at: '2024-01-03T00:00:00.000Z',
  ...counts,
};

/** Hashtags and mentions with code point offsets, as the API computes them (simplified). */
export function entitiesOf(body: string): Tweet['entities'] {
  const chars = [...body];
  const hashtags: Tweet['entities']['hashtags'] = [];
  const mentions: Tweet['entities']['mentions'] = [];
  for (let i = 0; i < chars.length; i++) {
    const sigil = chars[i];
    if ((sigil !== '#' && sigil !== '@') || (i > 0 && /[\p{L}\p{N}_]/u.test(chars[i - 1]!))) continue;
    let end = i + 1;
    while (end < chars.length && /[\p{L}\p{N}_]/u.test(chars[end]!)) end++;
    if (end === i + 1) continue;
    const word = chars.slice(i + 1, end).join('');
    if (sigil === '#') hashtags.push({ tag: word, start: i, end });
    else mentions.push({ username: word, start: i, end });
    i = end - 1;
  }
  return { hashtags, mentions };
}

let sequence = 0;
export function tweetBy(
  author: User,
  body: string,
  timestamp = new Date().toISOString(),
  extra: Partial<Tweet> = {},
): Tweet {
  sequence += 1;
  return {
    id: `t-${sequence}`,
    body,
    tweetedby: author.username,
    author_id: author.id,
    author_name: author.name,
    timestamp,
    like_count: 0,
    repost_count: 0,
    reply_count: 0,
    entities: entitiesOf(body),
    media_attachments: [],
    ...extra,
  };
}

/** A reply by `author` to `parent`. */
export function replyTo(parent: Tweet, author: User, body: string, timestamp?: string): Tweet {
  return tweetBy(author, body, timestamp, {
    in_reply_to_id: parent.id,
    in_reply_to_author_id: parent.author_id,
    in_reply_to_username: parent.tweetedby,
  });
}

/** `tweet` as a timeline entry reposted by `by`. */
export function repostOf(tweet: Tweet, by: User): Tweet {
  return { ...tweet, reposted_by: { id: by.id, username: by.username, name: by.name } };
}

let mediaSequence = 0;

/** A picture the server has finished converting (`overrides` may say otherwise). */
export function picture(overrides: Partial<MediaAttachment> = {}): MediaAttachment {
  mediaSequence += 1;
  const id = overrides.id ?? `m-${mediaSequence}`;
  return {
    id,
    type: 'image',
    state: 'ready',
    url: `${ORIGIN}/media/${id}.webp`,
    preview_url: `${ORIGIN}/media/${id}-small.webp`,
    description: null,
    blurhash: 'LEHV6nWB2yk8pyo0adR*.7kCMdnj',
    meta: {
      original: { width: 1200, height: 800, aspect: 1.5 },
      small: { width: 640, height: 427, aspect: 1.5 },
    },
    ...overrides,
  };
}

/** An upload the extractor has not converted yet. */
export function processingPicture(overrides: Partial<MediaAttachment> = {}): MediaAttachment {
  return picture({ state: 'processing', url: null, preview_url: null, blurhash: null, meta: null, ...overrides });
}

/** Converts `media` in place, as the extractor would: ready, with its files, sizes and BlurHash. */
export function finishProcessing(media: MediaAttachment): void {
  Object.assign(media, picture({ id: media.id, description: media.description }));
}

/**
 * A stand-in for the API: routes by "METHOD /path" (a segment may be a `:param`) and
 * records every request, installed as globalThis.fetch so the app's real client talks
 * to it. Exact routes win over patterns, so a test can override one case.
 */
export class FakeServer {
  readonly requests: Request[] = [];
  private readonly routes = new Map<string, Handler>();

  constructor(routes: Record<string, Handler> = {}) {
    for (const [route, handler] of Object.entries(routes)) this.routes.set(route, handler);
  }

  on(route: string, handler: Handler): this {
    this.routes.set(route, handler);
    return this;
  }

  private match(method: string, pathname: string): [Handler, Params] | undefined {
    const exact = this.routes.get(`${method} ${pathname}`);
    if (exact) return [exact, {}];
    const segments = pathname.split('/');
    for (const [route, handler] of this.routes) {
      const [routeMethod, routePath = ''] = route.split(' ');
      const pattern = routePath.split('/');
      if (routeMethod !== method || pattern.length !== segments.length || !routePath.includes('/:')) continue;
      const params: Params = {};
      if (
        pattern.every((part, i) => {
          if (part.startsWith(':')) return (params[part.slice(1)] = decodeURIComponent(segments[i]!)) !== '';
          return part === segments[i];
        })
      ) {
        return [handler, params];
      }
    }
    return undefined;
  }

  readonly fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    this.requests.push(request.clone());
    const url = new URL(request.url);
    const found = this.match(request.method, url.pathname);
    if (!found) return problem(404, `No route for ${request.method} ${url.pathname}`);
    return found[0](request, url, found[1]);
  });

  /** The requests made to `route` ("METHOD /path"), oldest first. */
  calls(route: string): Request[] {
    return this.requests.filter((r) => `${r.method} ${new URL(r.url).pathname}` === route);
  }
}

export interface World {
  /** Who is logged in, or null. */
  user: User | null;
  /** Every live tweet, newest first; home and every other timeline draw from it. */
  tweets?: Tweet[];
  /** Everyone else the server knows (the logged-in user is added). */
  users?: User[];
  /** Follows as [follower username, followed username]. */
  follows?: [string, string][];
  /** Reposts shown on home, as entries (see repostOf), newest first, before the tweets. */
  reposts?: Tweet[];
  /** The logged-in user's uploads; tweets hold the same objects, so a change shows in both. */
  media?: MediaAttachment[];
  /**
   * 'auto' (the default): an upload is converted when it is first asked about again
   * (GET of the upload or of a tweet carrying it);
   * 'manual': it stays processing until the test calls finishProcessing.
   */
  processing?: 'auto' | 'manual';
}

const PICTURE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
const isProcessing = (media: MediaAttachment) => media.state === 'processing';

/**
 * A server where `user` (or nobody) is logged in, holding tweets, people and follows,
 * and answering the social API from them: timelines, threads, likes, reposts, follows,
 * search and suggestions. Handlers change the state, so a later read sees a write.
 */
export function serverWith({
  user,
  tweets = [],
  users = [],
  follows = [],
  reposts = [],
  media = [],
  processing = 'auto',
}: World): FakeServer {
  const people = new Map<string, User>();
  for (const u of [...(user ? [user] : []), ...users, ada, grace, linus]) {
    if (!people.has(u.username)) people.set(u.username, u);
  }
  const follow = new Set(follows.map(([a, b]) => `${a}>${b}`));
  const byId = (id: string) => [...people.values()].find((u) => u.id === id);
  const find = (id: string) => tweets.find((t) => t.id === id);
  const upload = (id: string) => media.find((m) => m.id === id);

  /** A user as `user` sees them, counts and relationships included. */
  const present = (u: User): User => {
    const view: User = {
      ...u,
      followers_count: [...follow].filter((f) => f.endsWith(`>${u.username}`)).length,
      following_count: [...follow].filter((f) => f.startsWith(`${u.username}>`)).length,
      tweets_count: tweets.filter((t) => t.author_id === u.id).length,
    };
    if (user && user.id !== u.id) {
      view.following = follow.has(`${user.username}>${u.username}`);
      view.followed_by = follow.has(`${u.username}>${user.username}`);
    }
    return view;
  };
  const page = (list: Tweet[]) => json({ tweets_list: list });
  const unauthorized = () => problem(401, 'Log in first.');

  return new FakeServer({
    'GET /api/v1/auth/me': () => (user ? json(present(user), { headers: { etag: '"v1"' } }) : unauthorized()),
    'GET /api/v2/tweets': (_request, url) => {
      const by = url.searchParams.get('tweetedby');
      return page(by ? tweets.filter((t) => t.tweetedby.toLowerCase() === by.toLowerCase()) : tweets);
    },
    'GET /api/v2/timelines/home': () => {
      if (!user) return unauthorized();
      return page([...reposts, ...tweets]);
    },
    'GET /api/v2/timelines/tag/:tag': (_request, _url, { tag }) =>
      page(tweets.filter((t) => t.entities.hashtags.some((h) => h.tag.toLowerCase() === tag!.toLowerCase()))),
    'GET /api/v2/search': (_request, url) => {
      const q = (url.searchParams.get('q') ?? '').trim().toLowerCase();
      if (!q)
        return problem(400, 'Invalid request.', [{ field: 'q', reason: 'must NOT have fewer than 1 characters' }]);
      if (url.searchParams.get('type') === 'users') {
        const found = [...people.values()].filter((u) => `${u.username} ${u.name}`.toLowerCase().includes(q));
        return json({
          user_list: found.map(({ id, username, name, bio }) => ({ id, username, name, ...(bio ? { bio } : {}) })),
        });
      }
      return page(tweets.filter((t) => t.body.toLowerCase().includes(q)));
    },
    'POST /api/v2/tweets': async (request) => {
      if (!user) return unauthorized();
      const body = (await request.json()) as { body?: string; in_reply_to_id?: string; media_ids?: string[] };
      const parent = body.in_reply_to_id ? find(body.in_reply_to_id) : undefined;
      if (body.in_reply_to_id && !parent) {
        return problem(400, 'Invalid request.', [{ field: 'in_reply_to_id', reason: 'is not a tweet' }]);
      }
      const attached = (body.media_ids ?? []).map(upload);
      if (attached.length > 4 || attached.some((m) => !m || m.state === 'failed')) {
        return problem(400, 'Invalid request.', [{ field: 'media_ids', reason: 'are not your pictures' }]);
      }
      const text = (body.body ?? '').trim();
      if (!text && attached.length === 0) {
        return problem(400, 'Invalid request.', [{ field: 'body', reason: 'must NOT have fewer than 1 characters' }]);
      }
      const tweet = parent ? replyTo(parent, user, text) : tweetBy(user, text);
      tweet.media_attachments = attached as MediaAttachment[];
      if (parent) parent.reply_count += 1;
      tweets.unshift(tweet);
      return json(tweet, { status: 201 });
    },
    'POST /api/v2/media': async (request) => {
      if (!user) return unauthorized();
      const form = await request.formData();
      const file = form.get('file');
      const description = form.get('description');
      // Not `instanceof Blob`: the parsed form's files are Node's, the page's Blob is jsdom's.
      if (!file || typeof file === 'string') {
        return problem(400, 'Invalid request.', [{ field: 'file', reason: 'is required' }]);
      }
      if (!PICTURE_TYPES.includes(file.type)) {
        return problem(422, 'The file is not a JPEG, PNG, WebP or GIF picture.');
      }
      const created = processingPicture({ description: typeof description === 'string' ? description : null });
      media.push(created);
      return json(created, { status: 202, headers: { location: `/api/v2/media/${created.id}` } });
    },
    'GET /api/v2/media/:id': (_request, _url, { id }) => {
      const found = upload(id!);
      if (!found) return problem(404, 'No such picture.');
      if (processing === 'auto' && isProcessing(found)) finishProcessing(found);
      return json(found);
    },
    'PUT /api/v2/media/:id': async (request, _url, { id }) => {
      const found = upload(id!);
      if (!found) return problem(404, 'No such picture.');
      const { description } = (await request.json()) as { description: string };
      if (description.length > 1500) {
        return problem(400, 'Invalid request.', [
          { field: 'description', reason: 'must NOT have more than 1500 characters' },
        ]);
      }
      found.description = description;
      return json(found);
    },
    'GET /api/v2/tweets/:id': (_request, _url, { id }) => {
      const tweet = find(id!);
      if (tweet && processing === 'auto') tweet.media_attachments.filter(isProcessing).forEach(finishProcessing);
      return tweet ? json(tweet) : problem(404, 'No such tweet.');
    },
    'DELETE /api/v2/tweets/:id': (_request, _url, { id }) => {
      const at = tweets.findIndex((t) => t.id === id);
      if (at < 0) return problem(404, 'No such tweet.');
      tweets.splice(at, 1);
      return new Response(null, { status: 204 });
    },
    'GET /api/v2/tweets/:id/context': (_request, _url, { id }) => {
      const tweet = find(id!);
      if (!tweet) return problem(404, 'No such tweet.');
      const ancestors: Tweet[] = [];
      for (let at = tweet.in_reply_to_id && find(tweet.in_reply_to_id); at;) {
        ancestors.unshift(at);
        at = at.in_reply_to_id ? find(at.in_reply_to_id) : undefined;
      }
      const descendants: Tweet[] = [];
      const walk = (parentId: string) => {
        const replies = tweets.filter((t) => t.in_reply_to_id === parentId).reverse(); // oldest first
        for (const reply of replies) {
          descendants.push(reply);
          walk(reply.id);
        }
      };
      walk(tweet.id);
      return json({ ancestors, descendants });
    },
    ...toggle('like', 'liked', 'like_count'),
    ...toggle('repost', 'reposted', 'repost_count'),
    'GET /api/v1/users/lookup': (_request, url) => {
      const found = people.get((url.searchParams.get('username') ?? '').toLowerCase());
      return found ? json(present(found)) : problem(404, 'Nobody.');
    },
    'GET /api/v1/users/suggestions': (_request, url) => {
      if (!user) return unauthorized();
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const list = [...people.values()]
        .filter((u) => u.id !== user.id && !follow.has(`${user.username}>${u.username}`))
        .slice(0, limit);
      return json({ user_list: list.map(present) });
    },
    'POST /api/v1/users/:id/follow': (_request, _url, { id }) => setFollow(id!, true),
    'DELETE /api/v1/users/:id/follow': (_request, _url, { id }) => setFollow(id!, false),
    'GET /api/v1/users/:id/followers': (_request, _url, { id }) => listFollows(id!, 'followers'),
    'GET /api/v1/users/:id/following': (_request, _url, { id }) => listFollows(id!, 'following'),
  });

  function toggle(what: 'like' | 'repost', flag: 'liked' | 'reposted', count: 'like_count' | 'repost_count') {
    const set = (id: string, on: boolean) => {
      if (!user) return unauthorized();
      const tweet = find(id);
      if (!tweet) return problem(404, 'No such tweet.');
      if (!!tweet[flag] !== on) tweet[count] += on ? 1 : -1;
      tweet[flag] = on;
      return json(tweet);
    };
    return {
      [`POST /api/v2/tweets/:id/${what}`]: ((_r, _u, { id }) => set(id!, true)) as Handler,
      [`DELETE /api/v2/tweets/:id/${what}`]: ((_r, _u, { id }) => set(id!, false)) as Handler,
    };
  }

  function setFollow(id: string, on: boolean): Response {
    if (!user) return unauthorized();
    const other = byId(id);
    if (!other) return problem(404, 'Nobody.');
    const key = `${user.username}>${other.username}`;
    if (on) follow.add(key);
    else follow.delete(key);
    return json({ following: on, followed_by: follow.has(`${other.username}>${user.username}`) });
  }

  function listFollows(id: string, direction: 'followers' | 'following'): Response {
    const who = byId(id);
    if (!who) return problem(404, 'Nobody.');
    const names = [...follow]
      .map((f) => f.split('>') as [string, string])
      .filter(([a, b]) => (direction === 'followers' ? b : a) === who.username)
      .map(([a, b]) => (direction === 'followers' ? a : b))
      .reverse();
    return json({
      user_list: names.map((name) => {
        const u = people.get(name)!;
        return { id: u.id, username: u.username, followed_at: '2024-02-01T00:00:00.000Z' };
      }),
    });
  }
}

/**
 * EventSource as the app uses it, under test control: `FakeEventSource.latest().emit(...)`
 * sends an event. Install with `installFakeEventSource()` (it is unstubbed after each test).
 */
export class FakeEventSource {
  static instances: FakeEventSource[] = [];
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readonly url: string;
  readonly withCredentials = false;
  readyState = FakeEventSource.OPEN;
  private readonly listeners = new Map<string, Set<(event: MessageEvent) => void>>();
  private lastId = 0;

  constructor(url: string | URL) {
    this.url = String(url);
    FakeEventSource.instances.push(this);
  }

  static latest(): FakeEventSource {
    const open = FakeEventSource.instances.filter((s) => s.readyState !== FakeEventSource.CLOSED);
    const source = open[open.length - 1];
    if (!source) throw new Error('No EventSource is open');
    return source;
  }

  addEventListener(type: string, listener: (event: MessageEvent) => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }

  removeEventListener(type: string, listener: (event: MessageEvent) => void): void {
    this.listeners.get(type)?.delete(listener);
  }

  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }

  /** Delivers an event (inside act, so React renders what follows from it). */
  emit(type: 'tweet' | 'update' | 'delete', data: unknown): void {
    this.lastId += 1;
    const event = new MessageEvent(type, { data: JSON.stringify(data), lastEventId: String(this.lastId) });
    act(() => {
      for (const listener of this.listeners.get(type) ?? []) listener(event);
    });
  }
}

export function installFakeEventSource(): typeof FakeEventSource {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  return FakeEventSource;
}

/**
 * XMLHttpRequest as the app's uploader uses it, answered by a FakeServer. By default a
 * request reports its progress and is answered at once; with `FakeXhr.manual` it waits
 * for the test to call `progress(...)` and `respond()`. Installed by renderApp.
 */
export class FakeXhr extends EventTarget {
  static instances: FakeXhr[] = [];
  static server: FakeServer | undefined;
  static manual = false;
  readonly upload = new EventTarget();
  method = '';
  url = '';
  readonly headers = new Headers();
  body: FormData | undefined;
  status = 0;
  responseText = '';
  aborted = false;
  private responseHeaders = new Headers();

  static latest(): FakeXhr {
    const xhr = FakeXhr.instances[FakeXhr.instances.length - 1];
    if (!xhr) throw new Error('Nothing was uploaded');
    return xhr;
  }

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers.set(name, value);
  }

  getResponseHeader(name: string): string | null {
    return this.responseHeaders.get(name);
  }

  send(body: FormData): void {
    this.body = body;
    FakeXhr.instances.push(this);
    if (!FakeXhr.manual) {
      setTimeout(() => {
        this.progress(1, 2);
        this.progress(2, 2);
        void this.respond();
      });
    }
  }

  abort(): void {
    this.aborted = true;
    this.dispatchEvent(new Event('abort'));
  }

  /** Reports `loaded` of `total` bytes sent. */
  progress(loaded: number, total: number): void {
    act(() => {
      this.upload.dispatchEvent(new ProgressEvent('progress', { lengthComputable: true, loaded, total }));
    });
  }

  /** Hands the request to the server and delivers its answer. */
  async respond(): Promise<void> {
    if (!FakeXhr.server) throw new Error('FakeXhr has no server');
    const response = await FakeXhr.server.fetch(
      new Request(this.url, { method: this.method, headers: this.headers, body: this.body ?? null }),
    );
    const text = await response.text();
    if (this.aborted) return;
    this.status = response.status;
    this.responseText = text;
    this.responseHeaders = response.headers;
    await act(async () => {
      this.dispatchEvent(new Event('load'));
    });
  }
}

export function installFakeXhr(server: FakeServer): typeof FakeXhr {
  FakeXhr.instances = [];
  FakeXhr.server = server;
  FakeXhr.manual = false;
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return FakeXhr;
}
