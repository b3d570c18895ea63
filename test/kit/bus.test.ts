import type { RecordedEvent } from '@starling/kit';
import { expect, it } from 'vitest';
import { inEachStorageMode, useStarling } from '../support/starling.js';

inEachStorageMode('the event bus', (mode) => {
  const s = useStarling(mode);

  it('hands another service’s events over without their private fields', async () => {
    const seen: RecordedEvent[] = [];
    const consumer = {
      name: 'test.registrations',
      source: 'identity',
      types: ['UserRegistered'],
      async handle(event: RecordedEvent) {
        seen.push(event);
      },
    };
    const tweets = s.platform.contexts.find((c) => c.name === 'tweets')!;
    const identity = s.platform.contexts.find((c) => c.name === 'identity')!;
    s.platform.bus.subscribe(consumer, tweets.db, 'tweets');
    s.platform.bus.subscribe(
      { ...consumer, name: 'test.own-registrations', handle: async () => {} },
      identity.db,
      'identity',
    );
    await s.signUp('bus_ada');
    await s.platform.bus.drain();

    const registered = seen.find((e) => (e.data as { username: string }).username === 'bus_ada');
    expect(registered?.data).toMatchObject({ username: 'bus_ada', email: 'bus_ada@example.com' });
    expect(registered?.data).not.toHaveProperty('password_hash');
    expect(JSON.stringify(seen)).not.toContain('scrypt$');
  });
});
