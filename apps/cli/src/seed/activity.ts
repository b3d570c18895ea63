import { newEvent, parseEntities, TweetLiked, TweetPosted, TweetReposted } from '@starling/events';
import { idAt } from '@starling/kit';
import type { SeedEvent } from './events.js';
import { followerCount, type FollowGraph } from './graph.js';
import type { SeedUser } from './people.js';
import { streamOf, Zipf, type Random } from './random.js';
import { ACTIVITIES, EMOJI, HASHTAGS, INTERESTS, OPINIONS, REACTIONS, REPLIES, THINGS } from './vocabulary.js';

export interface ActivityOptions {
  tweets: number;
  /** The first tweet's earliest time and the last interaction's latest, epoch ms. */
  from: number;
  to: number;
  /** Of all tweets, the share that are replies. */
  replyShare: number;
  likesPerTweet: number;
  repostsPerTweet: number;
}

export interface ActivityCounts {
  tweets: number;
  replies: number;
  likes: number;
  reposts: number;
  hashtags: number;
  mentions: number;
}

const HOUR = 3_600_000;
/** How far back a reply looks for something to answer: the last this many tweets. */
const RECENT = 2_000;

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Tweets, replies, likes and reposts, in time order: tweets spread evenly over
 * [from, to], each one's likes and reposts following it by minutes to hours.
 *
 * Authors are drawn by an activity order (Zipf), so a few people write much of it.
 * That order is independent of popularity, so a tweet reaches as many followers as the
 * average account has; drawing authors by popularity made the most followed account
 * write one tweet in twenty, and a timeline fan-out some 40 times the work. A popular
 * author's tweets do get more likes and reposts (their mean grows with the square root
 * of the follower count), mostly from their followers. Replies answer a recent tweet,
 * preferring the better-followed author, and mention them; some tweets mention people
 * the author follows.
 */
export function* generateActivity(
  seed: string,
  people: readonly SeedUser[],
  graph: FollowGraph,
  options: ActivityOptions,
  counts: ActivityCounts,
): Generator<SeedEvent> {
  const random = streamOf(seed, 'activity');
  const n = people.length;
  const activity = new Zipf(n, 0.9);
  const byActivity = random.permutation(n);
  const someone = () => byActivity[activity.draw(random)]!;

  // Attention per author, scaled so that the mean over tweets is the wanted average.
  const weight = (u: number) => Math.sqrt(followerCount(graph, u) + 1);
  let meanWeight = 0;
  for (let r = 0; r < n; r++) meanWeight += activity.probability(r) * weight(byActivity[r]!);

  const tags = new Zipf(HASHTAGS.length, 1.1);
  const pending = new EventHeap();
  const recentIds: string[] = [];
  const recentAuthors = new Int32Array(RECENT);
  // Tweets stop a little before the end, so that most of their likes and reposts fit in.
  const span = options.to - options.from - Math.min(6 * HOUR, 0.1 * (options.to - options.from));

  /** A follower of `author` most of the time (they see the tweet), anyone otherwise. */
  const audienceOf = (author: number) => {
    const start = graph.followersStart[author]!;
    const count = graph.followersStart[author + 1]! - start;
    return count > 0 && random.chance(0.7) ? graph.followers[start + random.int(count)]! : someone();
  };

  for (let i = 0; i < options.tweets; i++) {
    const at = options.from + (span * (i + random.next())) / options.tweets;
    while (pending.size > 0 && pending.peek()!.at <= at) yield pending.pop()!;

    const id = idAt(at);
    let author: number;
    let body: string;
    let reply: { in_reply_to_id: string; in_reply_to_author_id: string } | undefined;
    if (recentIds.length > 0 && random.chance(options.replyShare)) {
      // The best-followed of three recent tweets: conversations gather around popular accounts.
      let parent = random.int(recentIds.length);
      for (let k = 0; k < 2; k++) {
        const other = random.int(recentIds.length);
        if (followerCount(graph, recentAuthors[other]!) > followerCount(graph, recentAuthors[parent]!)) parent = other;
      }
      const parentAuthor = recentAuthors[parent]!;
      author = audienceOf(parentAuthor);
      body = replyBody(random, author === parentAuthor ? undefined : people[parentAuthor]!.username, tags);
      reply = { in_reply_to_id: recentIds[parent]!, in_reply_to_author_id: people[parentAuthor]!.id };
      counts.replies++;
    } else {
      author = someone();
      const start = graph.followingStart[author]!;
      const follows = graph.followingStart[author + 1]! - start;
      const mention =
        follows > 0 && random.chance(0.25)
          ? people[graph.following[start + random.int(follows)]!]!.username
          : undefined;
      body = tweetBody(random, mention, tags);
    }
    const person = people[author]!;
    const entities = parseEntities(body);
    counts.tweets++;
    counts.hashtags += entities.hashtags.length;
    counts.mentions += entities.mentions.length;
    yield {
      ...newEvent(TweetPosted, {
        tweet_id: id,
        author_id: person.id,
        author_username: person.username,
        body,
        entities,
        ...reply,
      }),
      actor: person.id,
      at,
    };
    recentIds[i % RECENT] = id;
    recentAuthors[i % RECENT] = author;

    // Likes and reposts, later, by distinct people other than the author.
    const attention = weight(author) / meanWeight;
    const later = () => Math.min(options.to, at + 30_000 + random.exponential(2 * HOUR));
    for (const [kind, mean] of [
      ['like', options.likesPerTweet * attention],
      ['repost', options.repostsPerTweet * attention],
    ] as const) {
      const wanted = Math.min(n - 1, random.count(mean));
      const done = new Set<number>();
      for (let attempt = 0; done.size < wanted && attempt < 4 * wanted + 10; attempt++) {
        const user = audienceOf(author);
        if (user === author || done.has(user)) continue;
        done.add(user);
        const fan = people[user]!;
        const when = later();
        if (kind === 'like') {
          counts.likes++;
          pending.push({
            ...newEvent(TweetLiked, { tweet_id: id, user_id: fan.id, username: fan.username }),
            actor: fan.id,
            at: when,
          });
        } else {
          counts.reposts++;
          pending.push({
            ...newEvent(TweetReposted, {
              tweet_id: id,
              author_id: person.id,
              user_id: fan.id,
              username: fan.username,
              repost_id: idAt(when),
            }),
            actor: fan.id,
            at: when,
          });
        }
      }
    }
  }
  while (pending.size > 0) yield pending.pop()!;
}

function hashtags(random: Random, tags: Zipf): string {
  const roll = random.next();
  const wanted = roll < 0.35 ? 0 : roll < 0.75 ? 1 : roll < 0.93 ? 2 : 3;
  const chosen = new Set<string>();
  for (let k = 0; k < wanted * 3 && chosen.size < wanted; k++) chosen.add(HASHTAGS[tags.draw(random)]!);
  return [...chosen].map((tag) => ` #${tag}`).join('');
}

function tweetBody(random: Random, mention: string | undefined, tags: Zipf): string {
  const thing = random.pick(THINGS);
  const shapes = [
    () => `Just shipped ${thing} ${random.pick(EMOJI)}`,
    () => `Hot take: ${random.pick(OPINIONS)}.`,
    () => `Anyone else ${random.pick(ACTIVITIES)}?`,
    () => `Reading about ${random.pick(INTERESTS)} this morning. ${random.pick(REACTIONS)}`,
    () => `${capitalised(thing)} is finally done. ${random.pick(REACTIONS)}`,
    () => `Today I learned something new about ${random.pick(INTERESTS)}. ${random.pick(REACTIONS)}`,
    () => `${capitalised(random.pick(INTERESTS))} > ${random.pick(INTERESTS)}. Fight me ${random.pick(EMOJI)}`,
  ];
  const withMention = [
    () => `Working on ${thing} with @${mention}. ${random.pick(REACTIONS)}`,
    () => `Big thanks to @${mention} for the help with ${thing}!`,
    () => `@${mention} you were right about ${random.pick(INTERESTS)}. ${random.pick(REACTIONS)}`,
  ];
  return random.pick(mention ? withMention : shapes)() + hashtags(random, tags);
}

function replyBody(random: Random, to: string | undefined, tags: Zipf): string {
  const text = to ? `@${to} ${random.pick(REPLIES)}` : `(2/2) ${random.pick(REACTIONS)}`;
  return text + (random.chance(0.1) ? hashtags(random, tags) : '');
}

/** A binary min-heap of events by time: likes and reposts wait here until their moment. */
class EventHeap {
  private readonly items: SeedEvent[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): SeedEvent | undefined {
    return this.items[0];
  }

  push(event: SeedEvent): void {
    const items = this.items;
    items.push(event);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (items[parent]!.at <= items[i]!.at) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }

  pop(): SeedEvent | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let least = i;
        if (l < items.length && items[l]!.at < items[least]!.at) least = l;
        if (r < items.length && items[r]!.at < items[least]!.at) least = r;
        if (least === i) break;
        [items[least], items[i]] = [items[i]!, items[least]!];
        i = least;
      }
    }
    return top;
  }
}
