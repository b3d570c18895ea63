import { ConfigError } from '@starling/kit';
import { DataDirLocked } from './data-dir-lock.js';

const USAGE = `Usage: starling <command>

Commands:
  start                         Run every service in one process on PORT (default 3000)
  start <role>                  Run one process of the distributed mode: gateway, a service
                                (identity, tweets, graph, timeline) or its worker (tweets-worker, …)
  up --distributed              Run the whole distributed topology as processes (see up --help)
  migrate                       Apply database migrations and exit
  projections rebuild           Empty every read model and rebuild it from the event log
  users grant-admin <username>  Make an account an admin
  seed --users N --tweets M     Fill the database with demo data (see starling seed --help)
  export [FILE]                 Write accounts, follows, tweets, likes and reposts as JSON
  import FILE [--as USERNAME]   Bring in a starling export, or a Twitter archive's tweets.js
                                as USERNAME's tweets (see starling import --help)
  help                          Show this help

Configuration comes from environment variables; see the README.`;

/**
 * Each command is loaded when it runs, with what it needs: `start tweets` loads the
 * tweets service alone, `up` no service at all (see topology.ts).
 */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'start':
        return await (await import('./commands/start.js')).startCommand(rest);
      case 'up':
        return await (await import('./commands/up.js')).upCommand(rest);
      case 'migrate':
        return await (await import('./commands/migrate.js')).migrateCommand();
      case 'projections':
        if (rest[0] === 'rebuild') return await (await import('./commands/rebuild.js')).rebuildCommand();
        break;
      case 'seed':
        return await (await import('./commands/seed.js')).seedCommand(rest);
      case 'export':
        return await (await import('./commands/export.js')).exportCommand(rest);
      case 'import':
        return await (await import('./commands/import.js')).importCommand(rest);
      case 'users':
        if (rest[0] === 'grant-admin' && rest[1]) {
          return await (await import('./commands/grant-admin.js')).grantAdminCommand(rest[1]);
        }
        break;
      case 'help':
      case '--help':
      case '-h':
      case undefined:
        console.log(USAGE);
        return command === undefined ? 1 : 0;
    }
    console.error(`starling: unknown command "${argv.join(' ')}"\n\n${USAGE}`);
    return 1;
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`starling: ${err.message}`);
      return 78; // EX_CONFIG
    }
    if (err instanceof DataDirLocked) {
      console.error(`starling: ${err.message}`);
      return 75; // EX_TEMPFAIL: try again once the other process has stopped
    }
    throw err;
  }
}
