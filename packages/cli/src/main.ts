import { ConfigError } from '@starling/kit';
import { grantAdminCommand } from './commands/grant-admin.js';
import { migrateCommand } from './commands/migrate.js';
import { rebuildCommand } from './commands/rebuild.js';
import { startCommand } from './commands/start.js';

const USAGE = `Usage: starling <command>

Commands:
  start                         Run every service in one process on PORT (default 3000)
  migrate                       Apply database migrations and exit
  projections rebuild           Empty every read model and rebuild it from the event log
  users grant-admin <username>  Make an account an admin
  help                          Show this help

Configuration comes from environment variables; see the README.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'start':
        return await startCommand();
      case 'migrate':
        return await migrateCommand();
      case 'projections':
        if (rest[0] === 'rebuild') return await rebuildCommand();
        break;
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
    throw err;
  }
}
