// A NATS_PREFIX of its own per run and mode, so the bench's streams never mix with
// anyone else's on a shared NATS server, and are deleted afterwards.
import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

import { onCleanup } from './cleanup.js';

export function natsNamespace(natsUrl) {
  const prefix = `bench_${randomBytes(4).toString('hex')}`;
  onCleanup(async () => {
    const nc = await connect({ servers: natsUrl.split(','), timeout: 5_000 });
    try {
      const jsm = await jetstreamManager(nc);
      for await (const name of jsm.streams.names()) {
        if (name.startsWith(`${prefix}_`)) await jsm.streams.delete(name);
      }
    } finally {
      await nc.close();
    }
  });
  return prefix;
}
