import { ROLES as TOPOLOGY_ROLES, SERVICES, urlVariable } from './topology.js';

/**
 * The role names of the distributed mode, from the topology (topology.ts):
 * `starling start <role>` runs one of them, `starling up --distributed` runs them all,
 * and deploy/compose.yaml is the same set.
 */
export const SERVICE_ROLES: readonly string[] = SERVICES.map((s) => s.name);
export const WORKER_ROLES: readonly string[] = TOPOLOGY_ROLES.filter((r) => r.kind === 'worker').map((r) => r.name);
export const ROLES: readonly string[] = TOPOLOGY_ROLES.map((r) => r.name);

export type Role = string;

export const isRole = (name: string): name is Role => ROLES.includes(name);

export { urlVariable };
