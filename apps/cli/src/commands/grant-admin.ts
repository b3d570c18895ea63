import { grantAdmin } from '@starling/identity';
import { createPlatform, loadConfig } from '@starling/kit';
import { allServices } from '../services.js';

export async function grantAdminCommand(username: string): Promise<number> {
  const platform = await createPlatform({ config: loadConfig(), services: allServices() });
  try {
    await platform.migrate();
    const identity = platform.contexts.find((c) => c.name === 'identity')!;
    const id = await grantAdmin(identity.write, identity.db, username);
    console.log(`${username} (${id}) is now an admin; it takes effect at their next login`);
    return 0;
  } finally {
    await platform.close();
  }
}
