import { describe, expect, it } from 'vitest';
import { contractOf, ownerOf, ROLE_NAMES, ROLES, SERVICES, TOKEN_SIGNER, urlVariable } from '@starling/cli/topology';
import { CALLERS } from '@starling/kit';

/*
 * The topology (apps/cli/src/topology.ts) against the services it lists: the API
 * prefixes it declares are the ones their contracts use, so an ingress built from the
 * prefixes (nginx.conf, the gateway) sends every operation to its owner.
 */

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

// An operation for apps' tokens only shares its path with another service's, which owns
// the path; the router and the gateway pick it by the token (docs/mastodon.md).
const forApps = (operation: unknown) => (operation as Record<string, unknown>)[CALLERS] === 'apps';

const operations = SERVICES.flatMap((service) =>
  Object.entries(contractOf(service).paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => (item as Record<string, unknown>)[m] && !forApps((item as Record<string, unknown>)[m])).map(
      (method) => ({ service: service.name, method, path }),
    ),
  ),
);

describe('the topology', () => {
  it('names each service once, and each is a running service of that name, whose contract it reads', async () => {
    const names = SERVICES.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const service of SERVICES) {
      const definition = await service.definition();
      expect(definition.name).toBe(service.name);
      expect(contractOf(service)).toEqual(definition.openapi);
    }
  });

  it('owns every operation of every contract by the prefixes of the service that serves it', () => {
    expect(operations.length).toBeGreaterThan(20);
    const misrouted = operations
      .filter((op) => ownerOf(op.path)?.name !== op.service)
      .map((op) => `${op.method.toUpperCase()} ${op.path}: ${op.service}, routed to ${ownerOf(op.path)?.name}`);
    expect(misrouted).toEqual([]);
  });

  it('declares no prefix that no operation of its service uses', () => {
    const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
    const unused = SERVICES.flatMap((s) =>
      (s.prefixes as readonly string[])
        .filter((prefix) => !operations.some((op) => op.service === s.name && under(op.path, prefix)))
        .map((prefix) => `${s.name} ${prefix}`),
    );
    expect(unused).toEqual([]);
  });

  it('routes a path outside every prefix nowhere', () => {
    expect(ownerOf('/api/v3/anything')).toBeUndefined();
    expect(ownerOf('/api/v1/users/abc/follow')?.name).toBe('graph');
    expect(ownerOf('/api/v1/users/abc')?.name).toBe('identity');
  });

  it('has a gateway, an API role per service and a worker per service that has one', () => {
    expect(ROLE_NAMES).toEqual(ROLES.map((r) => r.name));
    expect(new Set(ROLE_NAMES).size).toBe(ROLE_NAMES.length);
    expect(ROLES.filter((r) => r.kind === 'gateway').map((r) => r.name)).toEqual(['gateway']);
    expect(ROLES.filter((r) => r.kind === 'api').map((r) => r.name)).toEqual(SERVICES.map((s) => s.name));
    expect(ROLES.filter((r) => r.kind === 'worker').map((r) => r.name)).toEqual(
      SERVICES.filter((s) => s.worker).map((s) => `${s.name}-worker`),
    );
  });

  it('has one token signer, which the other API roles call for its keys', () => {
    expect(SERVICES.filter((s) => 'signsTokens' in s && s.signsTokens)).toHaveLength(1);
    for (const role of ROLES.filter((r) => r.kind === 'api' && r.service !== TOKEN_SIGNER)) {
      expect(role.calls).toContain(TOKEN_SIGNER.name);
    }
    expect(urlVariable('tweets')).toBe('TWEETS_URL');
  });
});
