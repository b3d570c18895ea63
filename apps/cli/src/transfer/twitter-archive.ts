import { newEvent, parseEntities, TweetPosted } from '@starling/events';
import { stableIdAt } from '@starling/kit';
import { MAX_TWEET_LENGTH, tweetBody } from '@starling/tweets';
import { z } from 'zod';
import type { SeedEvent } from '../seed/events.js';
import type { ImportReport } from './report.js';

/**
 * A Twitter/X archive's `data/tweets.js`: a script, `window.YTD.tweets.part0 = [...]`,
 * whose array holds `{ "tweet": { id_str, full_text, created_at, … } }`. Only the fields
 * an import uses are read; the rest (counts, source, language…) is left alone.
 */
const archiveTweet = z.object({
  id_str: z.string().regex(/^\d{1,25}$/),
  full_text: z.string().optional(),
  text: z.string().optional(),
  created_at: z.string(),
  in_reply_to_status_id_str: z.string().nullish(),
  entities: z
    .object({
      urls: z.array(z.object({ url: z.string(), expanded_url: z.string().optional() })).optional(),
      media: z
        .array(
          z.object({ url: z.string(), expanded_url: z.string().optional(), media_url_https: z.string().optional() }),
        )
        .optional(),
    })
    .optional(),
});
type ArchiveTweet = z.infer<typeof archiveTweet>;

export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

const PREFIX = /^\s*window\.YTD\.[\w.]+\s*=\s*/;

/** Whether `text` looks like an archive file rather than JSON: it starts `window.YTD.…`. */
export const isTwitterArchive = (text: string) => PREFIX.test(text);

/** The entries of a `tweets.js`: the array after `window.YTD.tweets.part0 =`. */
export function readTwitterArchive(text: string): unknown[] {
  const prefix = PREFIX.exec(text);
  if (!prefix) throw new ArchiveError('it does not start with "window.YTD.tweets.part0 =", as tweets.js does');
  let entries: unknown;
  try {
    entries = JSON.parse(text.slice(prefix[0].length).trim().replace(/;$/, ''));
  } catch (err) {
    throw new ArchiveError(`what follows "${prefix[0].trim()}" is not JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(entries)) throw new ArchiveError(`"${prefix[0].trim()}" is not followed by an array`);
  return entries;
}

/**
 * TweetPosted events for the archive's tweets, as `account`'s, oldest first, with the
 * archive's id of each (by Starling id), and what was left out (in `report`):
 * - a retweet ("RT @…") is left out: the tweet is someone else's, and a Starling repost
 *   needs the original here;
 * - links are given back their full address (Twitter shortened them to t.co), pictures
 *   become links to the picture, unless that makes the text too long, when the t.co
 *   links stay as written; a text still longer than Starling's limit (Twitter counts
 *   links and some scripts differently) is left out;
 * - a reply to a tweet of the archive stays a reply to it; a reply to any other tweet
 *   becomes a plain tweet, with its text (and @mention) unchanged;
 * - a tweet that appears twice, or that cannot be read, is left out.
 *
 * Each tweet keeps its time, and its id is drawn from the account and the tweet's own
 * id (`stableIdAt`), so importing the archive again finds the tweets it made.
 */
export function planTwitterImport(
  entries: readonly unknown[],
  account: { id: string; username: string },
  report: ImportReport,
): { events: SeedEvent[]; sourceIds: Map<string, string> } {
  const tweets: Array<{ tweet: ArchiveTweet; at: number }> = [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const raw = entry && typeof entry === 'object' && 'tweet' in entry ? entry.tweet : entry;
    const parsed = archiveTweet.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      report.skip(
        'tweet',
        `entry ${i + 1}`,
        `it cannot be read (${issue.path.join('.') || 'entry'}: ${issue.message})`,
      );
      return;
    }
    const tweet = parsed.data;
    const at = twitterTime(tweet.created_at);
    if (at === undefined) report.skip('tweet', tweet.id_str, `its created_at "${tweet.created_at}" is not a time`);
    else if (seen.has(tweet.id_str)) report.skip('tweet', tweet.id_str, 'it appears twice in the archive');
    else tweets.push({ tweet, at });
    seen.add(tweet.id_str);
  });
  // Oldest first, so that a reply comes after the tweet it answers.
  tweets.sort(
    (a, b) =>
      a.at - b.at || a.tweet.id_str.length - b.tweet.id_str.length || (a.tweet.id_str < b.tweet.id_str ? -1 : 1),
  );

  const starlingId = new Map<string, string>();
  const events: SeedEvent[] = [];
  for (const { tweet, at } of tweets) {
    const text = unescape(tweet.full_text ?? tweet.text ?? '');
    if (/^RT @\w+:/.test(text)) {
      report.skip('tweet', tweet.id_str, "it is a retweet of someone else's tweet");
      continue;
    }
    const body = tweetBody(withLinks(text, tweet)) ?? tweetBody(text);
    if (body === undefined) {
      const why = text.trim() ? `it is longer than ${MAX_TWEET_LENGTH} characters` : 'it has no text';
      report.skip('tweet', tweet.id_str, why);
      continue;
    }
    const replyTo = tweet.in_reply_to_status_id_str;
    const parent = replyTo ? starlingId.get(replyTo) : undefined;
    if (replyTo && !parent) report.note('replies to tweets not in the archive, imported as plain tweets');
    const id = stableIdAt(at, `twitter:${account.id}:${tweet.id_str}`);
    starlingId.set(tweet.id_str, id);
    events.push({
      ...newEvent(TweetPosted, {
        tweet_id: id,
        author_id: account.id,
        author_username: account.username,
        body,
        entities: parseEntities(body),
        ...(parent ? { in_reply_to_id: parent, in_reply_to_author_id: account.id } : {}),
      }),
      actor: account.id,
      at,
    });
  }
  // Starling's ids back to the archive's, for the report.
  return { events, sourceIds: new Map([...starlingId].map(([source, id]) => [id, source])) };
}

/** The archive's text is HTML-escaped (`&amp;`, `&lt;`, `&gt;`); `&amp;` last, so `&amp;lt;` stays `&lt;`. */
const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The text with each t.co link replaced by the address it stands for (a picture's: the picture). */
function withLinks(text: string, tweet: ArchiveTweet): string {
  const links = [
    ...(tweet.entities?.urls ?? []).map((u) => [u.url, u.expanded_url] as const),
    ...(tweet.entities?.media ?? []).map((m) => [m.url, m.media_url_https ?? m.expanded_url] as const),
  ];
  return links.reduce((t, [short, full]) => (full ? t.replaceAll(short, full) : t), text);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Twitter's `Wed Oct 10 20:19:24 +0000 2018`, in epoch milliseconds; undefined if it is not one. */
export function twitterTime(text: string): number | undefined {
  const m = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(text);
  const month = m ? MONTHS.indexOf(m[1]!) : -1;
  if (!m || month < 0) return undefined;
  const [, , day, hh, mm, ss, sign, oh, om, year] = m;
  const iso = `${year}-${String(month + 1).padStart(2, '0')}-${day}T${hh}:${mm}:${ss}${sign}${oh}:${om}`;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? undefined : at;
}
