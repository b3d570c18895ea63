import { setTimeout as sleep } from 'node:timers/promises';
import type { StarlingClient, Tweet } from '@starling/sdk';
import { peopleOf } from '../handlers/people.js';
import type { Site } from '../presenters/site.js';
import { presentStatus, type MastodonStatus, type People } from '../presenters/status.js';

/**
 * The read model an event reaches its stream before (tweets' or notify's own projection) may lag
 * the event by a moment: a fetch that finds nothing is tried again a few times.
 */
const FETCH_ATTEMPTS = 6;
const FETCH_PAUSE_MS = 150;
/** How long what an event showed is kept for the connections still working through it. */
const KEEP_MS = 60_000;

/** A post or a repost to show, as the live hub hands it to the connections. */
export type ShownTweet =
  | { kind: 'posted'; tweetId: string }
  | { kind: 'reposted'; tweetId: string; repostId: string; userId: string; username: string };

/** Fetches until found, or until a few tries say it is gone. */
export async function fetched<T>(fetch: () => Promise<T | undefined>): Promise<T | undefined> {
  for (let attempt = 1; ; attempt++) {
    const found = await fetch();
    if (found !== undefined || attempt >= FETCH_ATTEMPTS) return found;
    await sleep(FETCH_PAUSE_MS * attempt);
  }
}

/**
 * The statuses the live events of this process show, each read once for all its
 * connections: the tweet and the accounts it shows are the same for every viewer; only
 * whether the viewer likes (`favourited`) and reposts (`reblogged`) it is theirs. A tweet
 * nobody likes or reposts yet (a new post) is then the same status for all; otherwise
 * those two flags are read once per viewer.
 */
export class LiveStatuses {
  private readonly shared = new Map<string, Promise<{ tweet: Tweet; people: People } | undefined>>();
  private readonly perViewer = new Map<string, Promise<MastodonStatus | undefined>>();

  /** `shown` as the caller of `api` (`viewerId`) sees it; undefined when the tweet is gone. */
  async status(
    shown: ShownTweet,
    api: StarlingClient,
    viewerId: string,
    site: Site,
  ): Promise<MastodonStatus | undefined> {
    const key = shown.kind === 'posted' ? `posted ${shown.tweetId}` : `reposted ${shown.repostId}`;
    const read = await this.once(this.shared, key, () => this.read(shown, api, site));
    if (!read) return undefined;
    const { tweet, people } = read;
    if (tweet.like_count === 0 && tweet.repost_count === 0) {
      return presentStatus({ ...tweet, liked: false, reposted: false }, people, site);
    }
    return this.once(this.perViewer, `${key} ${viewerId}`, async () => {
      const { data } = await api.GET('/api/v2/tweets/{id}', { params: { path: { id: shown.tweetId } } });
      if (!data) return undefined;
      return presentStatus({ ...tweet, liked: data.liked ?? false, reposted: data.reposted ?? false }, people, site);
    });
  }

  private async read(shown: ShownTweet, api: StarlingClient, site: Site) {
    const found = await fetched(async () => {
      const { data } = await api.GET('/api/v2/tweets/{id}', { params: { path: { id: shown.tweetId } } });
      // A repost's event can come before the tweets read model counts it: until it does,
      // the tweet shown would be the one before the repost, shared by every connection.
      return data && (shown.kind === 'posted' || data.repost_count > 0) ? data : undefined;
    });
    if (!found) return undefined;
    const tweet: Tweet =
      shown.kind === 'posted'
        ? found
        : {
            ...found,
            reposted_by: {
              id: shown.userId,
              username: shown.username,
              name: shown.username,
              repost_id: shown.repostId,
            },
          };
    return { tweet, people: await peopleOf(api, [tweet], site) };
  }

  /**
   * The one promise for `key`, kept a while. A failure or a tweet not found is not kept:
   * the next connection tries again with its own credentials (the first one's may have
   * just been revoked).
   */
  private once<T>(cache: Map<string, Promise<T | undefined>>, key: string, load: () => Promise<T | undefined>) {
    let promise = cache.get(key);
    if (!promise) {
      const loading = load();
      promise = loading;
      cache.set(key, loading);
      const forget = () => {
        if (cache.get(key) === loading) cache.delete(key);
      };
      loading.then((found) => found === undefined && forget(), forget);
      setTimeout(forget, KEEP_MS).unref();
    }
    return promise;
  }
}
