/** `starling seed` options, parsed and checked before anything touches the database. */
export interface SeedOptions {
  users: number;
  tweets: number;
  follows: number;
  seed: string;
  password: string;
  days: number;
}

export const DEFAULT_PASSWORD = 'starling-demo';

export const SEED_USAGE = `Usage: starling seed [--users N] [--tweets M] [options]

Fills the database with realistic demo data: people with bios, a power-law follower
graph, tweets with hashtags and mentions, replies, likes and reposts, spread over the
past weeks. Run it with the server stopped when embedded (DATA_DIR); it can run next
to a server on DATABASE_URL.

Options:
  --users N       people to create (default 1000)
  --tweets M      tweets to post, replies included (default 10000)
  --follows F     average number of accounts each person follows (default 20)
  --seed S        random seed: the same seed gives the same people and text (default "starling")
  --password P    the password of every seeded account (default "${DEFAULT_PASSWORD}")
  --days D        how many days back the activity starts (default 28)
  --help          show this help`;

export class UsageError extends Error {
  override name = 'UsageError';
}

const LIMITS = {
  users: { min: 1, max: 10_000_000 },
  tweets: { min: 0, max: 100_000_000 },
  follows: { min: 0, max: 5_000 },
  days: { min: 1, max: 3_650 },
} as const;

function wholeNumber(name: keyof typeof LIMITS, raw: string): number {
  const { min, max } = LIMITS[name];
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(
      `--${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')}, not "${raw}"`,
    );
  }
  return value;
}

/** Parses `--name value` and `--name=value`; returns undefined for --help. */
export function parseSeedOptions(args: readonly string[]): SeedOptions | undefined {
  const options: SeedOptions = {
    users: 1000,
    tweets: 10_000,
    follows: 20,
    seed: 'starling',
    password: DEFAULT_PASSWORD,
    days: 28,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return undefined;
    const match = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new UsageError(`unexpected argument "${arg}"`);
    const name = match[1]!;
    if (!['users', 'tweets', 'follows', 'seed', 'password', 'days'].includes(name)) {
      throw new UsageError(`unknown option --${name}`);
    }
    const value = match[2] ?? args[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    switch (name) {
      case 'users':
      case 'tweets':
      case 'follows':
      case 'days':
        options[name] = wholeNumber(name, value);
        break;
      case 'seed':
        if (value === '') throw new UsageError('--seed must not be empty');
        options.seed = value;
        break;
      case 'password':
        // The sign-up rule, so a seeded account's password could also have been chosen there.
        if ([...value].length < 8 || value.length > 1024) {
          throw new UsageError('--password must be 8 to 1024 characters long');
        }
        options.password = value;
        break;
    }
  }
  return options;
}
