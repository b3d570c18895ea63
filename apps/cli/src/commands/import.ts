import { readFile } from 'node:fs/promises';
import { findUserByUsername } from '@starling/identity';
import { analyzeAfterBulkLoad, createLogger, createPlatform, idAt, loadConfig, type Platform } from '@starling/kit';
import { importTweetActivity } from '@starling/tweets';
import { payloadOf, TweetPosted } from '@starling/events';
import { lockDataDir } from '../data-dir-lock.js';
import { catchUp } from '../seed/phases.js';
import { allServices } from '../services.js';
import { commandArgs, EX_DATAERR, EX_NOINPUT, EX_NOUSER, EX_USAGE, UsageError } from '../transfer/args.js';
import { starlingExport, EXPORT_FORMAT, EXPORT_VERSION, type StarlingExport } from '../transfer/format.js';
import { ImportReport } from '../transfer/report.js';
import { importStarlingExport } from '../transfer/starling-import.js';
import { ArchiveError, isTwitterArchive, planTwitterImport, readTwitterArchive } from '../transfer/twitter-archive.js';
import { writeThrough } from '../transfer/write-through.js';

export const IMPORT_USAGE = `Usage: starling import FILE
       starling import tweets.js [tweets-part1.js …] --as USERNAME

Brings accounts, follows, tweets, likes and reposts into this Starling through each
service's own write path, keeping their ids and times: from FILE, written by
\`starling export\`; or a Twitter/X archive's data/tweets.js (and its other parts, if
it has several), as the tweets of the existing account USERNAME. Running it again
imports nothing twice. Progress goes to stderr; the report of what was imported and
what was skipped, and why, to stdout. Run it with the server stopped when embedded
(DATA_DIR); it can run next to a server on DATABASE_URL (docs/operations.md, "Moving
data").

Options:
  --as USERNAME  the account a Twitter archive's tweets are imported as
  --help         show this help`;

const UNIQUE_VIOLATION = '23505';
const EX_TEMPFAIL = 75;

/** A file that cannot be imported: exits with `code` and the message, before the database is opened. */
class Unusable extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

type Source = { kind: 'starling'; data: StarlingExport } | { kind: 'twitter'; entries: unknown[]; as: string };

/** `starling import FILE [--as USERNAME]`. */
export async function importCommand(args: readonly string[]): Promise<number> {
  let source: Source;
  let files: string[];
  try {
    const parsed = commandArgs(args, { as: { type: 'string' } }, Infinity);
    if (!parsed) {
      console.log(IMPORT_USAGE);
      return 0;
    }
    if (!parsed.positionals[0]) throw new UsageError('name the FILE to import');
    files = parsed.positionals;
    source = await readSources(files, parsed.values.as as string | undefined);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`starling import: ${err.message}\n\n${IMPORT_USAGE}`);
      return EX_USAGE;
    }
    if (err instanceof Unusable) {
      console.error(`starling import: ${err.message}`);
      return err.code;
    }
    throw err;
  }

  const config = loadConfig();
  const release = lockDataDir(config, 'import');
  // Errors only unless LOG_LEVEL asks for more: the progress and the report are the output.
  const logger = createLogger({ LOG_LEVEL: process.env.LOG_LEVEL ? config.LOG_LEVEL : 'error' }, process.stderr);
  // As `starling seed`: the read models catch up from the outboxes, whatever the bus.
  const platform = await createPlatform({
    config: { ...config, NATS_URL: undefined },
    services: allServices(),
    logger,
  });
  const began = performance.now();
  const report = new ImportReport();
  // Every event of this run carries it as `correlation_id`, so an import can be told apart later.
  const run = `import-${idAt(Date.now())}`;
  try {
    await platform.migrate();
    if (source.kind === 'starling') {
      await importStarlingExport(platform, source.data, run, report);
    } else {
      const code = await importTwitterArchive(platform, source.entries, source.as, run, report);
      if (code !== 0) return code;
    }
    await analyzeAfterBulkLoad(platform);
    const kinds =
      source.kind === 'starling' ? (['account', 'follow', 'tweet', 'like', 'repost'] as const) : (['tweet'] as const);
    const from = source.kind === 'starling' ? files[0]! : `${files.join(', ')} as @${source.as}`;
    console.log(report.lines(from, kinds, (performance.now() - began) / 1000).join('\n'));
    return 0;
  } catch (err) {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
      console.error(
        'starling import: a name or id was taken by someone else while importing; what was written stays. ' +
          'Run it again: it goes on from there.',
      );
      return EX_TEMPFAIL;
    }
    throw err;
  } finally {
    await platform.close();
    release();
  }
}

/**
 * The files, read and checked whole before anything is written: one Starling export, or
 * the parts of a Twitter archive (`tweets.js`, `tweets-part1.js`…), taken together so
 * that a reply finds the tweet it answers in any part.
 */
async function readSources(files: string[], as: string | undefined): Promise<Source> {
  const sources = await Promise.all(files.map((file) => readSource(file, as)));
  if (sources.length === 1) return sources[0]!;
  const parts = sources.flatMap((s) => (s.kind === 'twitter' ? [s.entries] : []));
  if (parts.length < sources.length)
    throw new UsageError('name one Starling export, or the parts of one Twitter archive');
  return { kind: 'twitter', entries: parts.flat(), as: (sources[0] as { as: string }).as };
}

async function readSource(file: string, as: string | undefined): Promise<Source> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new Unusable(EX_NOINPUT, `cannot read ${file}: ${(err as Error).message}`);
  }
  if (isTwitterArchive(text)) {
    if (!as)
      throw new UsageError(`${file} is a Twitter archive: name the account its tweets are for with --as USERNAME`);
    try {
      return { kind: 'twitter', entries: readTwitterArchive(text), as: as.replace(/^@/, '') };
    } catch (err) {
      if (err instanceof ArchiveError) throw new Unusable(EX_DATAERR, `${file} is no Twitter archive: ${err.message}`);
      throw err;
    }
  }
  if (as) throw new UsageError(`--as is for a Twitter archive's tweets.js; ${file} is not one`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Unusable(EX_DATAERR, `${file} is neither JSON nor a Twitter archive: ${(err as Error).message}`);
  }
  const header = (json ?? {}) as { format?: unknown; version?: unknown };
  if (header.format !== EXPORT_FORMAT) {
    throw new Unusable(EX_DATAERR, `${file} is not a Starling export: it has no "format": "${EXPORT_FORMAT}"`);
  }
  if (header.version !== EXPORT_VERSION) {
    throw new Unusable(
      EX_DATAERR,
      `${file} is a Starling export of version ${JSON.stringify(header.version)}; this Starling reads version ${EXPORT_VERSION}`,
    );
  }
  const checked = starlingExport.safeParse(json);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new Unusable(EX_DATAERR, `${file}: ${issue.path.join('.')}: ${issue.message}; nothing was imported`);
  }
  return { kind: 'starling', data: checked.data };
}

/** A Twitter archive's tweets, as an account of this Starling's. */
async function importTwitterArchive(
  platform: Platform,
  entries: unknown[],
  username: string,
  run: string,
  report: ImportReport,
): Promise<number> {
  const db = (service: string) => platform.contexts.find((c) => c.name === service)!.db;
  const account = await findUserByUsername(db('identity'), username);
  if (!account) {
    console.error(
      `starling import: there is no account @${username} here; sign it up (or import its Starling export) first`,
    );
    return EX_NOUSER;
  }
  const { events, sourceIds } = planTwitterImport(entries, account, report);
  // One account's tweets: the home timelines take them as they would posts, with no rebuild after.
  const skipped = await writeThrough('tweets', events, run, (batch, options) =>
    importTweetActivity(db('tweets'), batch, options),
  );
  for (const { event, reason } of skipped) {
    report.skip('tweet', sourceIds.get(payloadOf(TweetPosted, event).tweet_id)!, reason);
  }
  report.count('tweet', events.length - skipped.length);
  await catchUp(platform, 'projecting tweets');
  return 0;
}
