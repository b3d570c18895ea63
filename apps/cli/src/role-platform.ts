import { ConfigError, createPlatform, type Config, type Platform } from '@starling/kit';
import { tokenRevocations } from '@starling/identity/revocations';
import type { Logger } from 'pino';
import { apiRouteFor, contractOf, SERVICES, tokenKeysAt, type RoleEntry } from './topology.js';

export interface RoleOptions {
  logger?: Logger;
}

/**
 * The platform of one service role of the distributed mode (an API or a worker): the
 * same whether `starling start <role>` serves it over HTTP or a Lambda function hands
 * it API Gateway's requests (lambda/).
 */
export async function rolePlatform(config: Config, entry: RoleEntry, options: RoleOptions = {}): Promise<Platform> {
  const role = entry.name;
  const service = entry.service;
  if (!service) throw new ConfigError(`${role} runs no service`);
  // Replicas share their state through PostgreSQL and NATS; an embedded database cannot be shared.
  if (!config.DATABASE_URL) throw new ConfigError(`starling start ${role} needs DATABASE_URL (PostgreSQL)`);
  if (!config.NATS_URL) throw new ConfigError(`starling start ${role} needs NATS_URL (NATS with JetStream)`);
  // The notification rules and the access policy may name any service's operations, so
  // they are checked against every contract; without either, the others' contracts
  // (a second of parsing at every start) are not read at all. Their code never is.
  const rulesSet = !!(config.NOTIFY_RULES || config.ACCESS_POLICY);
  return createPlatform({
    config,
    services: [await service.definition()],
    role: entry.kind === 'worker' ? 'worker' : 'api',
    revocations: tokenRevocations,
    tokenKeysAt: tokenKeysAt(config.env),
    ...(rulesSet ? { contracts: SERVICES.map(contractOf) } : {}),
    ...(service.adaptsApi ? { apiRoute: apiRouteFor(service, config.env) } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
