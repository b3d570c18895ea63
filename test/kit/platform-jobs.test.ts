import {
  appendToStream,
  createEventStoreTables,
  createPlatform,
  loadConfig,
  rebuildProjections,
  type Job,
  type Platform,
  type ProcessRole,
  type ServiceDefinition,
} from '@starling/kit';
import { afterEach, describe, expect, it } from 'vitest';

/*
 * The platform runs a service's jobs in the roles that do background work (`all`,
 * `worker`), never in an API process, and `projections rebuild` leaves them alone.
 * Embedded PGlite, with a service of the test's own that has one job and nothing else.
 */
describe('a service’s jobs in the platform', () => {
  const platforms: Platform[] = [];
  afterEach(async () => {
    await Promise.all(platforms.splice(0).map((p) => p.close()));
  });

  async function start(role: ProcessRole) {
    const performed: string[] = [];
    const job: Job = {
      name: 'chores.do',
      source: 'chores',
      types: ['ChoreAsked'],
      async perform(event) {
        performed.push(event.eventId);
      },
    };
    const chores = {
      name: 'chores',
      openapi: { openapi: '3.1.0', info: { title: 'chores', version: '1' }, paths: {} },
      migrations: { '0001-events': { up: createEventStoreTables } },
      consumers: () => [],
      jobs: () => [job],
      handlers: () => ({}),
      // It issues no tokens, but one service of an API process must say how they are checked.
      verificationKeys: () => Promise.reject(new Error('no tokens here')),
    } as unknown as ServiceDefinition;
    const platform = await createPlatform({
      config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: '' }),
      services: [chores],
      dataDir: 'memory://',
      role,
    });
    platforms.push(platform);
    await platform.start();
    const { db } = platform.contexts[0]!;
    const ask = (n: number) =>
      db.transaction().execute((trx) => appendToStream(trx, `chore-${n}`, 0, [{ type: 'ChoreAsked', data: { n } }]));
    return { platform, performed, ask };
  }

  for (const role of ['all', 'worker'] as const) {
    it(`runs them in the ${role} role`, async () => {
      const { platform, performed, ask } = await start(role);
      await ask(1);
      await ask(2);
      await platform.bus.drain();
      expect(performed).toHaveLength(2);
      expect((await platform.bus.lag()).find((l) => l.consumer === 'chores.do')).toEqual({
        consumer: 'chores.do',
        lag: 0,
      });
    });
  }

  it('never in the api role', async () => {
    const { platform, performed, ask } = await start('api');
    await ask(1);
    await platform.bus.drain();
    expect(performed).toEqual([]);
    expect((await platform.bus.lag()).map((l) => l.consumer)).not.toContain('chores.do');
  });

  it('a rebuild of the projections does not perform them again', async () => {
    const { platform, performed, ask } = await start('all');
    await ask(1);
    await platform.bus.drain();
    expect(performed).toHaveLength(1);
    await rebuildProjections(platform);
    await platform.bus.drain();
    expect(performed).toHaveLength(1);
  });
});
