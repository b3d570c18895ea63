import { createPlatform, loadConfig } from '@starling/kit';
import { allServices } from '../services.js';

export async function migrateCommand(): Promise<number> {
  const platform = await createPlatform({ config: loadConfig(), services: allServices() });
  try {
    await platform.migrate();
    console.log('migrations are up to date');
    return 0;
  } finally {
    await platform.close();
  }
}
