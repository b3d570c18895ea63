import { createPlatform, loadConfig, rebuildProjections } from '@starling/kit';
import { lockDataDir } from '../data-dir-lock.js';
import { allServices } from '../services.js';

/** Run it with the service stopped: on embedded PGlite only one process may open DATA_DIR. */
export async function rebuildCommand(): Promise<number> {
  const config = loadConfig();
  const release = lockDataDir(config, 'projections rebuild');
  // Replayed from the outboxes, not the bus (see rebuildProjections): no NATS needed.
  const platform = await createPlatform({ config: { ...config, NATS_URL: undefined }, services: allServices() });
  try {
    await platform.migrate();
    const rebuilt = await rebuildProjections(platform);
    for (const { projection, events } of rebuilt) console.log(`rebuilt ${projection} from ${events} events`);
    return 0;
  } finally {
    await platform.close();
    release();
  }
}
