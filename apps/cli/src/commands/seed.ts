import { newEvent, UserFollowed, UserRegistered } from '@starling/events';
import { importFollows } from '@starling/graph';
import { claimedNames, hashPassword, importRegistrations } from '@starling/identity';
import {
  analyzeAfterBulkLoad,
  createLogger,
  createPlatform,
  deferAll,
  idAt,
  loadConfig,
  type Platform,
} from '@starling/kit';
import { importTweetActivity } from '@starling/tweets';
import { lockDataDir } from '../data-dir-lock.js';
import { generateActivity, type ActivityCounts } from '../seed/activity.js';
import type { SeedEvent } from '../seed/events.js';
import { followerCount, generateFollowGraph, type FollowGraph } from '../seed/graph.js';
import { generatePeople, type SeedUser } from '../seed/people.js';
import { catchUp, finishDeferred, secondsSince } from '../seed/phases.js';
import { parseSeedOptions, SEED_USAGE, UsageError, type SeedOptions } from '../seed/options.js';
import { fmt, Progress } from '../seed/progress.js';
import { streamOf } from '../seed/random.js';
import { writeAll } from '../seed/write.js';
import { allServices } from '../services.js';

const DAY = 86_400_000;
const EX_USAGE = 64;
const UNIQUE_VIOLATION = '23505';

/** The shape of the seeded activity beyond what the options set (see docs/seeding.md). */
const REPLY_SHARE = 0.2;
const LIKES_PER_TWEET = 2;
const REPOSTS_PER_TWEET = 0.25;

interface PhaseTimes {
  label: string;
  events: number;
  write: number;
  project: number;
}

/**
 * `starling seed`: demo data written as the events the commands would have appended
 * (same types, versions, stream ids and payloads), in bulk, into each service's log
 * through the import that service exports (it claims names and picks the streams, as
 * its commands do); then the read models catch up through the services' own
 * projections. Users first, then follows, then tweets with their replies, likes and
 * reposts, each log projected before the next is written, so consumers see them in the
 * order they would have happened (a timeline fan-out sees the follows before the
 * tweets).
 */
export async function seedCommand(args: readonly string[]): Promise<number> {
  let options: SeedOptions | undefined;
  try {
    options = parseSeedOptions(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`starling seed: ${err.message}\n\n${SEED_USAGE}`);
    return EX_USAGE;
  }
  if (!options) {
    console.log(SEED_USAGE);
    return 0;
  }

  const config = loadConfig();
  const release = lockDataDir(config, 'seed');
  // Errors only unless LOG_LEVEL asks for more: the progress and the summary are the output.
  const logger = createLogger({ LOG_LEVEL: process.env.LOG_LEVEL ? config.LOG_LEVEL : 'error' }, process.stderr);
  // An admin task on the database itself: the read models catch up from the outboxes,
  // whatever bus the services use; on NATS the consumers then skip what is applied.
  const platform = await createPlatform({
    config: { ...config, NATS_URL: undefined },
    services: allServices(),
    logger,
  });
  try {
    await platform.migrate();
    return await seed(platform, options);
  } catch (err) {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
      console.error(
        'starling seed: a username, email or id was claimed by someone else while seeding; nothing of the ' +
          'failed batch was written. Run it again.',
      );
      return 1;
    }
    throw err;
  } finally {
    await platform.close();
    release();
  }
}

async function seed(platform: Platform, options: SeedOptions): Promise<number> {
  const began = performance.now();
  const db = (service: string) => platform.contexts.find((c) => c.name === service)!.db;
  const identity = db('identity');
  const run = `seed-${idAt(Date.now())}`;

  // Time line: sign-ups in the first 15% of the period, follows in the next 15%, then
  // tweets and everything around them until a minute ago.
  const end = Date.now() - 60_000;
  const start = end - options.days * DAY;
  const at = (share: number) => start + (end - start) * share;

  // Prepare: the one password hash, the names already taken, the people and the graph.
  const mark = performance.now();
  // One hash for every account, by identity's own function: one scrypt at 32 MiB per
  // seeded user would dominate a large seed.
  const passwordHash = await hashPassword(options.password);
  const taken = await claimedNames(identity);
  const jitter = streamOf(options.seed, 'sign-up times');
  const signedUpAt = Array.from(
    { length: options.users },
    (_, i) => at(0) + ((at(0.15) - at(0)) * (i + jitter.next())) / options.users,
  );
  const people = generatePeople(options.seed, options.users, taken, (i) => idAt(signedUpAt[i]!));
  const graph = generateFollowGraph(options.seed, options.users, options.follows);
  const prepare = secondsSince(mark);
  const phases: PhaseTimes[] = [];
  // Work the projections can do once at the end rather than per event (the home
  // timelines: a fan-out and trim per tweet, where a rebuild writes each home once).
  const deferred = deferAll(platform);

  // Users: identity's import claims their names with each batch, as registerUser does.
  const users = new Progress('writing users', options.users, 'users');
  const userEvents = people.map((p, i): SeedEvent => ({
    ...newEvent(UserRegistered, {
      user_id: p.id,
      username: p.username,
      email: p.email,
      name: p.name,
      ...(p.bio ? { bio: p.bio } : {}),
      password_hash: passwordHash,
    }),
    actor: p.id,
    at: signedUpAt[i]!,
  }));
  await writeAll(
    userEvents,
    run,
    (batch) => importRegistrations(identity, batch),
    (n) => users.update(n),
  );
  const usersWrite = users.finish(options.users);
  phases.push({
    label: 'users',
    events: options.users,
    write: usersWrite,
    project: await catchUp(platform, 'projecting users'),
  });

  // Follows.
  const follows = graph.following.length;
  const followProgress = new Progress('writing follows', follows, 'follows');
  await writeAll(
    followEvents(options.seed, people, graph, at(0.15), at(0.3)),
    run,
    (batch) => importFollows(db('graph'), batch),
    (n) => followProgress.update(n),
  );
  phases.push({
    label: 'follows',
    events: follows,
    write: followProgress.finish(follows),
    project: await catchUp(platform, 'projecting follows'),
  });

  // Tweets, replies, likes, reposts.
  const counts: ActivityCounts = { tweets: 0, replies: 0, likes: 0, reposts: 0, hashtags: 0, mentions: 0 };
  const tweetProgress = new Progress('writing tweets', options.tweets, 'tweets');
  const activity = generateActivity(
    options.seed,
    people,
    graph,
    {
      tweets: options.tweets,
      from: at(0.3),
      to: end,
      replyShare: REPLY_SHARE,
      likesPerTweet: LIKES_PER_TWEET,
      repostsPerTweet: REPOSTS_PER_TWEET,
    },
    counts,
  );
  const activityEvents = await writeAll(
    activity,
    run,
    (batch) => importTweetActivity(db('tweets'), batch),
    () => tweetProgress.update(counts.tweets),
  );
  phases.push({
    label: 'tweets, likes, reposts',
    events: activityEvents,
    write: tweetProgress.finish(counts.tweets),
    project: await catchUp(platform, 'projecting tweets'),
  });
  // Then that work, once (`events`: the homes or other rows it went over).
  for (const work of await finishDeferred(deferred)) {
    phases.push({ label: work.label, events: work.total, write: 0, project: work.seconds });
  }
  await analyzeAfterBulkLoad(platform);

  report(options, people, graph, counts, prepare, phases, secondsSince(began));
  return 0;
}

/** UserFollowed for every edge, people taking turns in a random order, spread over [from, to]. */
function* followEvents(
  seed: string,
  people: readonly SeedUser[],
  graph: FollowGraph,
  from: number,
  to: number,
): Generator<SeedEvent> {
  const random = streamOf(seed, 'follow times');
  const total = graph.following.length;
  let j = 0;
  for (const u of random.permutation(graph.size)) {
    const follower = people[u]!;
    for (let k = graph.followingStart[u]!; k < graph.followingStart[u + 1]!; k++) {
      const followee = people[graph.following[k]!]!;
      yield {
        ...newEvent(UserFollowed, { follower_id: follower.id, followee_id: followee.id }),
        actor: follower.id,
        at: from + ((to - from) * (j++ + random.next())) / total,
      };
    }
  }
}

function report(
  options: SeedOptions,
  people: readonly SeedUser[],
  graph: FollowGraph,
  counts: ActivityCounts,
  prepare: number,
  phases: readonly PhaseTimes[],
  total: number,
): void {
  const s = (seconds: number) => `${seconds.toFixed(1)} s`;
  const followers = Array.from({ length: graph.size }, (_, u) => followerCount(graph, u)).sort((a, b) => a - b);
  const median = followers[Math.floor(followers.length / 2)] ?? 0;
  const top = Array.from({ length: graph.size }, (_, u) => u)
    .sort((a, b) => followerCount(graph, b) - followerCount(graph, a))
    .slice(0, 3);
  const lines = [
    `Seeded ${fmt(people.length)} users, ${fmt(graph.following.length)} follows, ${fmt(counts.tweets)} tweets ` +
      `(${fmt(counts.replies)} of them replies), ${fmt(counts.likes)} likes and ${fmt(counts.reposts)} reposts ` +
      `in ${s(total)} (seed "${options.seed}").`,
    '',
    `  ${'phase'.padEnd(24)}${'events'.padStart(12)}${'write'.padStart(10)}${'project'.padStart(10)}`,
    `  ${'prepare'.padEnd(24)}${''.padStart(12)}${s(prepare).padStart(10)}${''.padStart(10)}`,
    ...phases.map(
      (p) =>
        `  ${p.label.padEnd(24)}${fmt(p.events).padStart(12)}${s(p.write).padStart(10)}${s(p.project).padStart(10)}`,
    ),
    '',
    `Followers per user: median ${fmt(median)}, most ${fmt(followers.at(-1) ?? 0)}. Most followed: ` +
      top.map((u) => `@${people[u]!.username} (${fmt(followerCount(graph, u))})`).join(', ') +
      '.',
    `Tweets carry ${fmt(counts.hashtags)} hashtags and ${fmt(counts.mentions)} mentions.`,
    `Every seeded account's password: ${options.password}` +
      (people[top[0]!] ? ` (log in as ${people[top[0]!]!.username}, for example)` : ''),
  ];
  console.log(lines.join('\n'));
}
