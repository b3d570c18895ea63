import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { createLogger, createPlatform, loadConfig } from '@starling/kit';
import { lockDataDir } from '../data-dir-lock.js';
import { allServices } from '../services.js';
import { fmt } from '../seed/progress.js';
import { commandArgs, EX_USAGE, UsageError } from '../transfer/args.js';
import { writeExport } from '../transfer/export-file.js';

export const EXPORT_USAGE = `Usage: starling export [FILE] [--no-passwords]

Writes every account, follow, tweet, like and repost to FILE (or to standard output
when it is not a terminal) as one JSON document that \`starling import\` reads back into
another Starling (docs/operations.md, "Moving data"). FILE is created readable by its
owner only. Run it with the server stopped when embedded (DATA_DIR); it can run next to
a server on DATABASE_URL.

The file holds each account's password hash (salted scrypt, never the password), so
that people log in after the move as before: keep it as you would a database backup.

Options:
  --no-passwords  leave the password hashes out: imported accounts then sign in again
                  by a password reset (or an external provider)
  --help          show this help`;

/** `starling export [FILE]`: the data of this Starling as a file another one imports. */
export async function exportCommand(args: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = commandArgs(args, { 'no-passwords': { type: 'boolean' } }, 1);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`starling export: ${err.message}\n\n${EXPORT_USAGE}`);
    return EX_USAGE;
  }
  if (!parsed) {
    console.log(EXPORT_USAGE);
    return 0;
  }
  const file = parsed.positionals[0];
  if (!file && process.stdout.isTTY) {
    // Thousands of lines, password hashes among them, are of no use on a screen.
    console.error('starling export: name a FILE, or redirect standard output to one (starling export > FILE)');
    return EX_USAGE;
  }

  const config = loadConfig();
  const release = lockDataDir(config, 'export');
  const logger = createLogger({ LOG_LEVEL: process.env.LOG_LEVEL ? config.LOG_LEVEL : 'error' }, process.stderr);
  const platform = await createPlatform({
    config: { ...config, NATS_URL: undefined },
    services: allServices(),
    logger,
  });
  // Written beside FILE and renamed at the end: FILE is either the whole export or untouched.
  const partial = file && `${file}.partial`;
  try {
    await platform.migrate();
    const out = partial ? createWriteStream(partial, { mode: 0o600 }) : process.stdout;
    const began = performance.now();
    const counts = await writeExport(platform, out, { passwords: !parsed.values['no-passwords'] });
    if (partial) {
      out.end();
      await finished(out);
      await rename(partial, file);
    }
    const seconds = ((performance.now() - began) / 1000).toFixed(1);
    console.error(
      `Exported ${fmt(counts.accounts)} accounts, ${fmt(counts.follows)} follows, ${fmt(counts.tweets)} tweets, ` +
        `${fmt(counts.likes)} likes and ${fmt(counts.reposts)} reposts${file ? ` to ${file}` : ''} in ${seconds} s` +
        (parsed.values['no-passwords'] ? ', without password hashes.' : '.'),
    );
    return 0;
  } finally {
    if (partial) await rm(partial, { force: true });
    await platform.close();
    release();
  }
}
