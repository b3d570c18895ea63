import type { StarlingClient, Tweet } from '@starling/sdk';
import { presentStatus, type MastodonStatus } from '../presenters/status.js';
import type { Site } from '../presenters/site.js';
import { peopleOf } from './people.js';

/** Tweets as Mastodon statuses, with the accounts they show read beforehand. */
export async function statusesOf(api: StarlingClient, tweets: Tweet[], site: Site): Promise<MastodonStatus[]> {
  const people = await peopleOf(api, tweets, site);
  return tweets.map((tweet) => presentStatus(tweet, people, site));
}

export async function statusOf(api: StarlingClient, tweet: Tweet, site: Site): Promise<MastodonStatus> {
  return (await statusesOf(api, [tweet], site))[0]!;
}
