import { contractOf, ROLES, SERVICES, TOKEN_SIGNER, type RoleEntry, type ServiceEntry } from '../topology.js';
import { apiFunction } from './api-function.js';
import { apiRoutes, type ApiRoute } from './api-gateway.js';
import { workerFunction } from './worker-function.js';

/**
 * Starling as Lambda functions: one bundle (the image's code), a handler per role of
 * the topology. deploy/aws points each function at its own,
 * `apps/cli/dist/lambda/index.handlers.<role>`: `handlers.tweets` is the tweets API
 * behind API Gateway, `handlers['tweets-worker']` the tweets worker woken by a
 * schedule. The gateway role has none: API Gateway is the edge. A function builds only
 * its own role, on its first call.
 */
export const handlers = Object.fromEntries(
  ROLES.filter((role: RoleEntry) => role.kind !== 'gateway').map((role) => [
    role.name,
    role.kind === 'worker' ? workerFunction(role) : apiFunction(role),
  ]),
);

/**
 * The routes of Starling's HTTP API on API Gateway, from every service's contract and
 * prefixes; an API path no service owns goes to the token signer (identity), whose
 * answer is Starling's problem+json 404, as behind nginx.
 */
export function starlingApiRoutes(): ApiRoute[] {
  const services = (SERVICES as readonly ServiceEntry[]).map((s) => ({
    name: s.name,
    openapi: contractOf(s),
    prefixes: s.prefixes,
  }));
  return apiRoutes(services, TOKEN_SIGNER.name);
}

export { apiFunction, type ApiHandler, type FunctionOptions, type ServiceFunction } from './api-function.js';
export {
  ANY_METHOD,
  apiGatewayDefinition,
  apiRoutes,
  INTEGRATION,
  isLive,
  type ApiRoute,
  type ServiceContract,
} from './api-gateway.js';
export {
  apiGatewayEvent,
  lambdaContext,
  localApiGateway,
  selectRoute,
  type EventRequest,
  type LocalApiGateway,
} from './local-gateway.js';
export { SECRETS_VARIABLE, withSecrets, type SecretReader } from './secrets.js';
export { STOP_MARGIN_MS, workerFunction, type WorkerRun } from './worker-function.js';
