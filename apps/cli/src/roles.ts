/**
 * The processes of the distributed mode. `starling start <role>` runs one of them;
 * `starling up --distributed` runs them all, and deploy/compose.yaml is the same set.
 *
 * - a service (`identity`, `tweets`, `graph`, `timeline`) serves its HTTP API, relays
 *   its outbox to the bus and keeps its own read models of its own events;
 * - its worker (`tweets-worker`, …) keeps the read models it builds from other
 *   services' events, as a durable consumer of the bus;
 * - the gateway is the edge: routing, the web app, token checks, rate limits.
 */
export const SERVICE_ROLES = ['identity', 'tweets', 'graph', 'timeline'] as const;
export const WORKER_ROLES = SERVICE_ROLES.map((s) => `${s}-worker` as const);
export const ROLES = ['gateway', ...SERVICE_ROLES, ...WORKER_ROLES] as const;

export type ServiceRole = (typeof SERVICE_ROLES)[number];
export type Role = 'gateway' | ServiceRole | `${ServiceRole}-worker`;

export const isRole = (name: string): name is Role => (ROLES as readonly string[]).includes(name);

/** The environment variable that tells the gateway (and token checks) where a service is. */
export const urlVariable = (service: ServiceRole) => `${service.toUpperCase()}_URL` as const;
