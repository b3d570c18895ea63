import type { Caller, ServiceContext } from '@starling/kit';
import type { StarlingClient } from '@starling/sdk';
import type { FastifyBaseLogger } from 'fastify';
import type { Site } from '../presenters/site.js';
import { NotifyApi } from './notify-api.js';
import type { FollowLists } from './follow-lists.js';
import { fetched, type LiveStatuses } from './live-statuses.js';
import { notificationsOf } from './presented.js';
import { answerOf, starlingApiWith } from './starling-api.js';

/** What a connection can subscribe to: Mastodon's stream names (`hashtag` ones with their tag). */
export type StreamName = 'user' | 'user:notification' | 'public' | 'public:local' | 'hashtag' | 'hashtag:local';

export const STREAM_NAMES: readonly StreamName[] = [
  'user',
  'user:notification',
  'public',
  'public:local',
  'hashtag',
  'hashtag:local',
];

/** A subscription's key: the stream, and for a hashtag stream its tag (lowercased). */
export const streamKey = (stream: StreamName, tag?: string) =>
  stream.startsWith('hashtag') ? `${stream}#${(tag ?? '').normalize('NFC').toLowerCase()}` : stream;

/** Mastodon's `stream` field of an event: `["hashtag", "tag"]` for a hashtag stream. */
const streamField = (key: string) => {
  const hash = key.indexOf('#');
  return hash < 0 ? [key] : [key.slice(0, hash), key.slice(hash + 1)];
};

/** Something that happened which a live stream may show (fed by the live feed's consumers). */
export type LiveEvent =
  | { kind: 'posted'; tweetId: string; authorId: string; tags: string[] }
  | { kind: 'reposted'; repostId: string; tweetId: string; userId: string; username: string }
  | { kind: 'deleted'; tweetId: string }
  | { kind: 'notification'; notificationId: string; recipientId: string }
  | { kind: 'followed' | 'unfollowed'; followerId: string; followeeId: string };

/** How a connection sends one Mastodon event: the streams it is for, its name, its payload text. */
export type Send = (stream: string[], event: string, payload: string) => void;

/** What the connections of a process share: the statuses events show, the follow lists. */
export interface LiveShared {
  statuses: LiveStatuses;
  follows: FollowLists;
}

/**
 * One client's live connection (a WebSocket or an event stream): what it subscribes to,
 * whom its user follows (for the `user` stream), and the work of turning events into
 * Mastodon's messages with the caller's own credentials, in the order events came.
 */
export class LiveConnection {
  readonly subscriptions = new Set<string>();
  private following: Set<string> | undefined;
  private holdsFollows = false;
  private work: Promise<void> = Promise.resolve();
  /** Starling's API as this connection's caller, with the token the stream was opened with. */
  private readonly api: StarlingClient;

  constructor(
    readonly caller: Caller,
    token: string,
    ctx: Pick<ServiceContext, 'api'>,
    private readonly site: Site,
    private readonly send: Send,
    private readonly log: FastifyBaseLogger,
    private readonly shared: LiveShared,
  ) {
    this.api = starlingApiWith(ctx, { authorization: `Bearer ${token}` });
  }

  /** Subscribes; the `user` stream first learns whom the caller follows. */
  async subscribe(stream: StreamName, tag?: string): Promise<void> {
    if (stream === 'user' && !this.holdsFollows) {
      this.holdsFollows = true;
      this.following = await this.shared.follows.acquire(this.caller.userId, () => this.followees());
    }
    this.subscriptions.add(streamKey(stream, tag));
  }

  /** The connection is gone: its user's follow list is one holder lighter. */
  close(): void {
    if (this.holdsFollows) this.shared.follows.release(this.caller.userId);
    this.holdsFollows = false;
  }

  unsubscribe(stream: StreamName, tag?: string): void {
    this.subscriptions.delete(streamKey(stream, tag));
  }

  /** Takes an event in; what it shows is fetched and sent after what came before it. */
  take(event: LiveEvent): void {
    const streams = this.streamsFor(event);
    if (streams.length === 0) return;
    this.work = this.work.then(() =>
      this.deliver(event, streams).catch((err: unknown) =>
        this.log.warn({ err, event: event.kind }, 'a live event could not be shown'),
      ),
    );
  }

  /** The subscribed streams `event` goes to. */
  private streamsFor(event: LiveEvent): string[] {
    const me = this.caller.userId;
    const subscribed = [...this.subscriptions];
    const home = (authorId: string) =>
      this.subscriptions.has('user') && (authorId === me || !!this.following?.has(authorId));
    switch (event.kind) {
      case 'posted':
        return subscribed.filter((key) =>
          key === 'user'
            ? home(event.authorId)
            : key === 'public' || key === 'public:local'
              ? true
              : key.startsWith('hashtag') && event.tags.includes(key.slice(key.indexOf('#') + 1)),
        );
      case 'reposted':
        // Mastodon's public streams leave reposts out.
        return home(event.userId) ? ['user'] : [];
      case 'deleted':
        return subscribed.filter((key) => key !== 'user:notification');
      case 'notification':
        return event.recipientId === me
          ? subscribed.filter((key) => key === 'user' || key === 'user:notification')
          : [];
      case 'followed':
      case 'unfollowed':
        // The hub keeps the follow lists (FollowLists).
        return [];
    }
  }

  private async deliver(event: LiveEvent, streams: string[]): Promise<void> {
    const send = (event: string, payload: string) => {
      for (const key of streams) this.send(streamField(key), event, payload);
    };
    switch (event.kind) {
      case 'posted':
      case 'reposted': {
        const status = await this.shared.statuses.status(event, this.api, this.caller.userId, this.site);
        if (status) send('update', JSON.stringify(status));
        return;
      }
      case 'deleted':
        return send('delete', event.tweetId);
      case 'notification': {
        const found = await fetched(() => new NotifyApi(this.api).one(event.notificationId));
        const [shown] = found ? await notificationsOf(this.api, [found], this.site) : [];
        if (shown) send('notification', JSON.stringify(shown));
        return;
      }
      default:
        return;
    }
  }

  /** Whom the caller follows, from the graph service (every page). */
  private async followees(): Promise<Set<string>> {
    const ids = new Set<string>();
    const id = this.caller.userId;
    for (let cursor: string | undefined; ;) {
      const query = { limit: 100, ...(cursor ? { cursor } : {}) };
      const answer = await this.api.GET('/api/v1/users/{id}/following', { params: { path: { id }, query } });
      for (const user of answerOf(answer).user_list) ids.add(user.id);
      const next = /<([^>]+)>;\s*rel="next"/.exec(answer.response.headers.get('link') ?? '')?.[1];
      cursor = next ? (new URL(next, 'http://starling.invalid').searchParams.get('cursor') ?? undefined) : undefined;
      if (!cursor) return ids;
    }
  }
}
