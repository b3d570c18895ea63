import { describe, expect, it } from 'vitest';
import { createPlatform, loadConfig } from '@starling/kit';
import { createGateway } from '@starling/gateway';
import { allServices } from '@starling/cli/services';
import { gatewayUpstreams } from '@starling/cli/topology';
import { createDatabase, postgresUrl } from '../support/starling.js';

/*
 * starling_ready, the gauge the readiness alerts watch (deploy/prometheus/rules): it
 * says what GET /readyz says, on every process, whenever Prometheus scrapes.
 */

const ready = (text: string) => /^starling_ready (\d+)$/m.exec(text)?.[1];

describe('starling_ready', () => {
  it('is 0 while /readyz answers 503 and 1 once it answers 200', async () => {
    // PostgreSQL when there is one (it starts sooner), else embedded: readiness is the same.
    const database = postgresUrl ? await createDatabase() : undefined;
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database?.url ?? '' });
    const platform = await createPlatform({ config, services: allServices(), dataDir: 'memory://' });
    try {
      const scrape = async () => (await platform.app.inject({ url: '/metrics' })).body;
      expect((await platform.app.inject({ url: '/readyz' })).statusCode).toBe(503);
      expect(ready(await scrape())).toBe('0');
      await platform.start();
      expect((await platform.app.inject({ url: '/readyz' })).statusCode).toBe(200);
      expect(ready(await scrape())).toBe('1');
      // The database gone: /readyz says so, and so does the gauge.
      await platform.storage.close();
      expect((await platform.app.inject({ url: '/readyz' })).statusCode).toBe(503);
      expect(ready(await scrape())).toBe('0');
    } finally {
      await platform.close().catch(() => undefined);
      await database?.drop();
    }
  });

  it('follows the gateway’s readiness too: 0 while no service is configured', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const unconfigured = await createGateway({ config, services: gatewayUpstreams({}) });
    const configured = await createGateway({
      config,
      services: gatewayUpstreams({ TWEETS_URL: 'http://127.0.0.1:9' }),
    });
    try {
      expect((await unconfigured.app.inject({ url: '/readyz' })).statusCode).toBe(503);
      expect(ready((await unconfigured.app.inject({ url: '/metrics' })).body)).toBe('0');
      expect((await configured.app.inject({ url: '/readyz' })).statusCode).toBe(200);
      expect(ready((await configured.app.inject({ url: '/metrics' })).body)).toBe('1');
    } finally {
      await Promise.all([unconfigured.close(), configured.close()]);
    }
  });
});
