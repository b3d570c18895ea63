import { ConfigError } from '@starling/kit';
import { DataDirLocked } from './data-dir-lock.js';
import { exportCommand } from './commands/export.js';
import { grantAdminCommand } from './commands/grant-admin.js';
import { importCommand } from './commands/import.js';
import { migrateCommand } from './commands/migrate.js';
import { rebuildCommand } from './commands/rebuild.js';
import { seedCommand } from './commands/seed.js';
import { startCommand } from './commands/start.js';
import { upCommand } from './commands/up.js';

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

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'start':
        return await startCommand(rest);
      case 'up':
        return await upCommand(rest);
      case 'migrate':
        return await migrateCommand();
      case 'projections':
        if (rest[0] === 'rebuild') return await rebuildCommand();
        break;
      case 'seed':
        return await seedCommand(rest);
      case 'export':
        return await exportCommand(rest);
      case 'import':
        return await importCommand(rest);
      case 'users':
        if (rest[0] === 'grant-admin' && rest[1]) return await grantAdminCommand(rest[1]);
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
