import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { followsForExport } from '@starling/graph';
import { accountsForExport } from '@starling/identity';
import type { Platform } from '@starling/kit';
import { likesForExport, repostsForExport, tweetsForExport } from '@starling/tweets';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type Collection,
  type ExportedAccount,
  type ExportedFollow,
  type ExportedLike,
  type ExportedRepost,
  type ExportedTweet,
} from './format.js';

export type ExportCounts = Record<Collection, number>;

export interface ExportOptions {
  /** Write each account's password hash (the default), so that its owner logs in after an import. */
  passwords: boolean;
}

/**
 * Writes the export file (see format.ts) to `out` as it reads each service's tables, a
 * page at a time, so that memory stays flat whatever the size. Each service answers for
 * its own data (`accountsForExport`, …); on a running PostgreSQL the collections are
 * read one after another, not as one snapshot.
 */
export async function writeExport(platform: Platform, out: Writable, options: ExportOptions): Promise<ExportCounts> {
  const db = (service: string) => platform.contexts.find((c) => c.name === service)!.db;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const counts: ExportCounts = { accounts: 0, follows: 0, tweets: 0, likes: 0, reposts: 0 };
  const sections: { [C in Collection]: AsyncIterable<object[]> } = {
    accounts: mapped(accountsForExport(db('identity')), (a): ExportedAccount => ({
      id: a.id,
      username: a.username,
      name: a.name,
      email: a.email,
      ...(a.bio ? { bio: a.bio } : {}),
      created_at: iso(a.created_at),
      ...(options.passwords && a.password_hash ? { password_hash: a.password_hash } : {}),
    })),
    follows: mapped(followsForExport(db('graph')), (f): ExportedFollow => ({
      follower_id: f.follower_id,
      followee_id: f.followee_id,
      created_at: iso(f.followed_at),
    })),
    tweets: mapped(tweetsForExport(db('tweets')), (t): ExportedTweet => ({
      id: t.id,
      author_id: t.author_id,
      body: t.body,
      created_at: iso(t.created_at),
      ...(t.in_reply_to_id ? { in_reply_to_id: t.in_reply_to_id } : {}),
      ...(t.in_reply_to_id && t.in_reply_to_author_id ? { in_reply_to_author_id: t.in_reply_to_author_id } : {}),
      ...(t.media.length
        ? { media: t.media.map((m) => ({ url: m.url, ...(m.description ? { description: m.description } : {}) })) }
        : {}),
    })),
    likes: mapped(likesForExport(db('tweets')), (l): ExportedLike => ({
      tweet_id: l.tweet_id,
      user_id: l.user_id,
      created_at: iso(l.liked_at),
    })),
    reposts: mapped(repostsForExport(db('tweets')), (r): ExportedRepost => ({
      tweet_id: r.tweet_id,
      user_id: r.user_id,
      repost_id: r.repost_id,
      created_at: iso(r.reposted_at),
    })),
  };

  await write(
    `{\n  "format": "${EXPORT_FORMAT}",\n  "version": ${EXPORT_VERSION},\n` +
      `  "exported_at": "${new Date().toISOString()}"`,
  );
  for (const [collection, pages] of Object.entries(sections) as Array<[Collection, AsyncIterable<object[]>]>) {
    await write(`,\n  "${collection}": [`);
    for await (const page of pages) {
      // One item a line: the file stays readable, and diffs of two exports line up.
      const lines = page.map((item, i) => `${counts[collection] + i > 0 ? ',' : ''}\n    ${JSON.stringify(item)}`);
      counts[collection] += page.length;
      await write(lines.join(''));
    }
    await write(counts[collection] > 0 ? '\n  ]' : ']');
  }
  await write('\n}\n');
  return counts;
}

async function* mapped<T, U>(pages: AsyncIterable<T[]>, item: (row: T) => U): AsyncGenerator<U[]> {
  for await (const page of pages) yield page.map(item);
}

const iso = (at: Date) => new Date(at).toISOString();
