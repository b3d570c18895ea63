import { z } from 'zod';

/**
 * The file `starling export` writes and `starling import` reads (docs/operations.md,
 * "Moving data"): one JSON document, its kind and version first, then each collection,
 * one item per line. Ids are Starling's own and are kept by an import, so that running
 * it again finds what it wrote; references between items are by those ids. Times are
 * ISO 8601. A field with nothing in it (no bio, no reply, no password) is left out.
 *
 * A change that an older Starling could not read raises `version`; an import refuses a
 * version it does not know rather than guess.
 */
export const EXPORT_FORMAT = 'starling-export';
export const EXPORT_VERSION = 1;

const id = z.string().min(1).max(64);
const time = z.iso.datetime({ offset: true });

const account = z.object({
  id,
  username: z.string().min(1).max(30),
  name: z.string().max(100),
  email: z.string().min(3).max(254).includes('@'),
  bio: z.string().max(160).optional(),
  created_at: time,
  /** The salted scrypt hash (`scrypt$N$r$p$salt$key`); absent: the account has no password here. */
  password_hash: z.string().startsWith('scrypt$').max(512).optional(),
});

const tweet = z.object({
  id,
  author_id: id,
  body: z.string().max(10_000),
  created_at: time,
  in_reply_to_id: id.optional(),
  in_reply_to_author_id: id.optional(),
  /** Where the attached pictures are served: the files themselves are not in the export. */
  media: z.array(z.object({ url: z.string(), description: z.string().optional() })).optional(),
});

const follow = z.object({ follower_id: id, followee_id: id, created_at: time });
const like = z.object({ tweet_id: id, user_id: id, created_at: time });
const repost = z.object({ tweet_id: id, user_id: id, repost_id: id, created_at: time });

export const starlingExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exported_at: time,
  accounts: z.array(account),
  tweets: z.array(tweet),
  follows: z.array(follow).default([]),
  likes: z.array(like).default([]),
  reposts: z.array(repost).default([]),
});

export type StarlingExport = z.infer<typeof starlingExport>;
export type ExportedAccount = z.infer<typeof account>;
export type ExportedTweet = z.infer<typeof tweet>;
export type ExportedFollow = z.infer<typeof follow>;
export type ExportedLike = z.infer<typeof like>;
export type ExportedRepost = z.infer<typeof repost>;

/** The collections, in the order they are written and imported. */
export const COLLECTIONS = ['accounts', 'follows', 'tweets', 'likes', 'reposts'] as const;
export type Collection = (typeof COLLECTIONS)[number];
