import { ConfigError, createPlatform, type Config, type Platform } from '@starling/kit';
import { tokenRevocations } from '@starling/identity';
import type { Logger } from 'pino';
import { allServices } from './services.js';
import { apiRouteFor, tokenKeysAt, type RoleEntry } from './topology.js';

/**
 * The platform of one service role of the distributed mode (an API or a worker): the
 * same whether `starling start <role>` serves it over HTTP or a Lambda function hands
 * it API Gateway's requests (lambda/).
 */
export async function rolePlatform(config: Config, entry: RoleEntry, logger?: Logger): Promise<Platform> {
  const role = entry.name;
  const service = entry.service;
  if (!service) throw new ConfigError(`${role} runs no service`);
  // Replicas share their state through PostgreSQL and NATS; an embedded database cannot be shared.
  if (!config.DATABASE_URL) throw new ConfigError(`starling start ${role} needs DATABASE_URL (PostgreSQL)`);
  if (!config.NATS_URL) throw new ConfigError(`starling start ${role} needs NATS_URL (NATS with JetStream)`);
  return createPlatform({
    config,
    services: [service.definition()],
    role: entry.kind === 'worker' ? 'worker' : 'api',
    revocations: tokenRevocations,
    tokenKeysAt: tokenKeysAt(config.env),
    // The notification rules may name any service's operations; this process applies its own.
    contracts: allServices().map((s) => s.openapi),
    ...(service.adaptsApi ? { apiRoute: apiRouteFor(service, config.env) } : {}),
    ...(logger ? { logger } : {}),
  });
}
