// Command-line flags for `npm run bench -- [flags]`, and the plan they make.
import { parseArgs } from 'node:util';

export const MODES = ['embedded', 'postgres', 'distributed'];

export const USAGE = `Usage: npm run bench -- [flags]

Runs the benchmark scenarios (home timeline, public timeline, one tweet, posting,
login, a 90/10 read/write mix, fan-out delay, cold start, media, the Mastodon API's
home timeline, live streams, notifications with their mail and webhooks) on seeded
data sets, in each storage mode, next to a bare node:http ceiling, and appends the
table and how it meets the targets to bench/RESULTS.md.

  --quick            the small set only, 1 s warm-up + 3 s runs, embedded and (when
                     DATABASE_URL and NATS_URL are set) postgres: a smoke run, not a
                     measurement; add --distributed to include the distributed mode
  --small            the small data set (1,000 users, 10,000 tweets)
  --large            the large data set (100,000 users, 1,000,000 tweets). Seeding it the
                     first time takes about an hour; it is cached afterwards
                     (default without --quick: both sets). The embedded mode runs on it
                     only when --modes names embedded: see bench/README.md
  --modes LIST       comma-separated: ${MODES.join(', ')} (default: every mode this
                     machine can run; postgres and distributed need DATABASE_URL and NATS_URL)
  --distributed      add the distributed mode (2 replicas of tweets, timeline, identity)
  --postgres         same as --modes postgres (kept for older command lines)
  --duration N       seconds per measured load run (default 10; --quick: 3)
  --connections N    concurrent autocannon connections (default 50)
  --streams N        live streams held open at once in the streaming scenario
                     (default 10,000; --quick: 1,000)
  --rebuild          seed the data sets again even when a cached copy matches
  --no-write         print the table only; do not append to bench/RESULTS.md
  -h, --help         this text`;

function positiveInt(name, raw) {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    throw new Error(`--${name} expects a positive integer, got "${raw}"\n\n${USAGE}`);
  }
  return n;
}

function parseModes(raw) {
  const modes = raw
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  for (const mode of modes) {
    if (!MODES.includes(mode)) throw new Error(`--modes: unknown mode "${mode}"; one of ${MODES.join(', ')}`);
  }
  if (modes.length === 0) throw new Error(`--modes needs at least one of ${MODES.join(', ')}`);
  return modes;
}

/**
 * argv → config. `env` decides which modes are possible: the PostgreSQL modes need
 * a server (DATABASE_URL) and NATS (NATS_URL); asking for one without them is an error,
 * while the default quietly leaves it out and says so (`skipped`).
 */
export function parseFlags(argv, env = process.env) {
  // Node 20's parseArgs has no automatic --no-* negation, so `no-write` is
  // declared as a flag of its own.
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        quick: { type: 'boolean', default: false },
        small: { type: 'boolean', default: false },
        large: { type: 'boolean', default: false },
        modes: { type: 'string' },
        distributed: { type: 'boolean', default: false },
        postgres: { type: 'boolean', default: false },
        duration: { type: 'string' },
        connections: { type: 'string' },
        streams: { type: 'string' },
        rebuild: { type: 'boolean', default: false },
        'no-write': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    throw new Error(`${err.message}\n\n${USAGE}`);
  }

  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }

  const quick = values.quick;
  // Which data sets: explicit flags win; otherwise --quick means the small one and a
  // full run both, so the growth from small to large is in the same table.
  let sets = [];
  if (values.small) sets.push('small');
  if (values.large) sets.push('large');
  if (sets.length === 0) sets = quick ? ['small'] : ['small', 'large'];

  const hasPostgres = Boolean(env.DATABASE_URL && env.NATS_URL);
  const skipped = [];
  let modes;
  if (values.modes) {
    modes = parseModes(values.modes);
    if (values.distributed && !modes.includes('distributed')) modes.push('distributed');
  } else if (values.postgres) {
    modes = ['postgres'];
  } else {
    // The default: everything this machine can run; --quick leaves the slow-to-start
    // distributed mode out unless asked for.
    modes = ['embedded', 'postgres'];
    if (!quick || values.distributed) modes.push('distributed');
    if (!hasPostgres) {
      for (const m of modes.filter((m) => m !== 'embedded')) skipped.push(`${m}: DATABASE_URL and NATS_URL not set`);
      modes = ['embedded'];
    }
  }
  if (!hasPostgres && modes.some((m) => m !== 'embedded')) {
    throw new Error(`the postgres and distributed modes need DATABASE_URL and NATS_URL in the environment`);
  }

  // The modes of each set. PGlite seeds and projects on one thread, half as fast as
  // PostgreSQL on the small set: hours for the large one. So by default the large set
  // runs on the PostgreSQL modes only (its growth target is theirs); embedded is opt-in.
  const plan = {};
  for (const set of sets) {
    plan[set] = modes;
    if (set === 'large' && !values.modes && modes.includes('embedded')) {
      plan[set] = modes.filter((m) => m !== 'embedded');
      skipped.push('embedded on the large set: seeding it into PGlite takes many hours (ask with --modes embedded)');
    }
  }
  sets = sets.filter((set) => plan[set].length > 0);

  return {
    quick,
    sets,
    plan,
    skipped,
    // An explicit --duration wins over the --quick default.
    duration: values.duration ? positiveInt('duration', values.duration) : quick ? 3 : 10,
    warmup: quick ? 1 : 3,
    // Posting and logging in are slow enough that their warm-up mostly adds backlog;
    // a smoke run relies on the read scenarios having warmed the server up.
    writeWarmup: quick ? 0 : 3,
    connections: values.connections ? positiveInt('connections', values.connections) : 50,
    // Users logged in for the authenticated scenarios: enough that no single home
    // timeline is hot; logging in costs an scrypt hash each, so a smoke run takes fewer.
    pool: quick ? 100 : 400,
    // Fan-out delay: posts measured, and followers polled per post.
    fanoutPosts: quick ? 1 : 3,
    fanoutSample: quick ? 20 : 50,
    coldStarts: 3,
    // Live streams open at once (the target: 10,000 on one process).
    streams: values.streams ? positiveInt('streams', values.streams) : quick ? 1_000 : 10_000,
    rebuild: values.rebuild,
    write: !values['no-write'],
  };
}
