import { loadOpenApi, urlsFrom, type OpenApiDocument, type ServiceDefinition } from '@starling/kit';
import type { UpstreamService } from '@starling/gateway';

/**
 * Starling's topology, declared once: which services exist, what each owns of the API,
 * which processes (roles) run them, what each needs and what waits for what. `start`,
 * `up --distributed`, the gateway's routing and upstream variables follow from it, and
 * the deploy files (deploy/compose.yaml, nginx.conf, prometheus.yml) are checked
 * against it by test/deploy. docs/architecture.md shows how to add a service.
 *
 * A process loads the code of the services it runs and no other: one role of the
 * distributed mode imports its own service (`definition`), the gateway reads the
 * contracts alone (`contractOf`). Every service's code in every process cost each role
 * some 40 MB and a second of its start (sharp, nodemailer, the OAuth libraries...).
 */

/** What a process needs from outside itself, in the distributed mode. */
export type Need = 'database' | 'bus' | 'object-storage' | 'mail';

export interface ServiceEntry {
  /** The service's name: its database schema, its role, its compose service, its `<NAME>_URL`. */
  name: string;
  /** Loads the service's code and builds it, for a process that runs it. */
  definition: () => Promise<ServiceDefinition>;
  /**
   * The API paths it owns: a contract path belongs to the service whose prefix matches
   * the most segments (`{…}` matches any one segment). Ingress rules follow these.
   */
  prefixes: string[];
  /** What its processes need, beyond the gateway in front of them. */
  needs: Need[];
  /** Whether it has a `<name>-worker` role: read models it builds from other services' events. */
  worker: boolean;
  /** Replicas of its API in deploy/compose.yaml. */
  replicas: number;
  /** The service that signs access tokens: others verify them with the keys it publishes at `keysPath` (a JWKS). */
  signsTokens?: { keysPath: string };
  /** The service that keeps the object store's files (and serves them when they are kept in a folder). */
  keepsFiles?: boolean;
  /** An adapter over the others' public APIs (`ctx.api`): it calls every other service. */
  adaptsApi?: boolean;
}

/** Every service, in the order the embedded process starts them. */
export const SERVICES = [
  {
    name: 'identity',
    definition: async () => (await import('@starling/identity')).identityService(),
    prefixes: [
      '/api/v1/info',
      '/api/v1/users',
      '/api/v1/auth',
      // Third-party apps (OAuth 2): registration, the protocol's endpoints, the authorized apps.
      '/api/v1/apps',
      '/api/v1/oauth',
      '/oauth',
      '/.well-known/oauth-authorization-server',
    ],
    needs: ['database', 'bus'],
    worker: true,
    replicas: 1,
    signsTokens: { keysPath: '/api/v1/auth/jwks' },
  },
  {
    name: 'tweets',
    definition: async () => (await import('@starling/tweets')).tweetsService(),
    prefixes: ['/api/v2/tweets'],
    // Object storage's settings: tweets show their media at the files' public URLs.
    needs: ['database', 'bus', 'object-storage'],
    worker: true,
    replicas: 2,
  },
  {
    name: 'graph',
    definition: async () => (await import('@starling/graph')).graphService(),
    prefixes: ['/api/v1/users/{id}/follow', '/api/v1/users/{id}/followers', '/api/v1/users/{id}/following'],
    needs: ['database', 'bus'],
    worker: true,
    replicas: 1,
  },
  {
    name: 'timeline',
    definition: async () => (await import('@starling/timeline')).timelineService(),
    prefixes: ['/api/v2/timelines', '/api/v2/streaming', '/api/v2/search'],
    needs: ['database', 'bus', 'object-storage'],
    worker: true,
    replicas: 2,
  },
  {
    name: 'media',
    definition: async () => (await import('@starling/media')).mediaService(),
    prefixes: ['/api/v2/media'],
    needs: ['database', 'bus', 'object-storage'],
    worker: true,
    replicas: 1,
    keepsFiles: true,
  },
  {
    name: 'notify',
    definition: async () => (await import('@starling/notify')).notifyService(),
    prefixes: ['/api/v2/notifications', '/api/v2/streaming/notifications', '/api/v2/webhooks', '/api/v2/mail'],
    // Its worker delivers mail (SMTP_URL) and webhook calls.
    needs: ['database', 'bus', 'mail'],
    worker: true,
    replicas: 1,
  },
  {
    name: 'mastodon',
    definition: async () => (await import('@starling/mastodon')).mastodonService(),
    // Mastodon's paths; where one is also Starling's own (/api/v2/search, POST /api/v2/media),
    // the request is told apart by its token (docs/mastodon.md).
    prefixes: [
      '/api/v1/streaming',
      '/api/v1/instance',
      '/api/v2/instance',
      '/.well-known/nodeinfo',
      '/nodeinfo',
      '/api/v1/custom_emojis',
      '/api/v1/preferences',
      '/api/v1/accounts',
      '/api/v1/statuses',
      '/api/v1/timelines',
      '/mastodon',
      '/api/v1/notifications',
      '/api/v1/markers',
      '/api/v1/media',
    ],
    needs: ['database', 'bus'],
    worker: false,
    replicas: 1,
    adaptsApi: true,
  },
] as const satisfies readonly ServiceEntry[];

export type ServiceName = (typeof SERVICES)[number]['name'];

/**
 * A service's contract, read from its package's openapi.yaml (the file the service
 * itself serves, services/<name>/openapi.yaml) without loading the service's code.
 */
export function contractOf(service: Pick<ServiceEntry, 'name'>): OpenApiDocument {
  return loadOpenApi(new URL(`../../../services/${service.name}/openapi.yaml`, import.meta.url));
}

/** The environment variable that says where a service's replicas are (comma-separated URLs). */
export const urlVariable = (service: string) => `${service.toUpperCase().replace(/-/g, '_')}_URL`;

/** The service that signs tokens; every other process that serves an API verifies with its keys. */
export const TOKEN_SIGNER: ServiceEntry = SERVICES.find((s: ServiceEntry) => s.signsTokens)!;

/**
 * The processes of the distributed mode. The gateway is the edge (routing, the web app,
 * token checks, rate limits) and waits for every service; a service's API process
 * serves its contract, relays its outbox and keeps the read models of its own events;
 * its worker keeps the read models it builds from other services' events.
 */
export interface RoleEntry {
  name: string;
  kind: 'gateway' | 'api' | 'worker';
  /** The service it runs (none for the gateway). */
  service?: ServiceEntry;
  needs: readonly Need[];
  /** Roles that must be ready before it starts taking traffic. */
  waitsFor: string[];
  /** `<NAME>_URL` variables it reads: the services it calls. */
  calls: string[];
}

export const ROLES: RoleEntry[] = [
  {
    name: 'gateway',
    kind: 'gateway',
    needs: [],
    waitsFor: SERVICES.map((s) => s.name),
    calls: SERVICES.map((s) => s.name),
  },
  ...SERVICES.map((service: ServiceEntry): RoleEntry => ({
    name: service.name,
    kind: 'api',
    service,
    needs: service.needs,
    waitsFor: [],
    // It verifies tokens with the signer's published keys, unless it is the signer; an
    // adapter calls every other service's API.
    calls: service.adaptsApi
      ? SERVICES.filter((s) => s.name !== service.name).map((s) => s.name)
      : service.signsTokens
        ? []
        : [TOKEN_SIGNER.name],
  })),
  ...SERVICES.filter((s: ServiceEntry) => s.worker).map((service: ServiceEntry): RoleEntry => ({
    name: `${service.name}-worker`,
    kind: 'worker',
    service,
    needs: service.needs,
    waitsFor: [],
    calls: [],
  })),
];

export const ROLE_NAMES: readonly string[] = ROLES.map((r) => r.name);

export const roleNamed = (name: string): RoleEntry | undefined => ROLES.find((r) => r.name === name);

/**
 * The service that owns a contract path: the longest matching prefix, segment by
 * segment, `{…}` in a prefix matching any one segment.
 */
export function ownerOf(path: string): ServiceEntry | undefined {
  const segments = path.split('/');
  let best: { service: ServiceEntry; length: number } | undefined;
  for (const service of SERVICES as readonly ServiceEntry[]) {
    for (const prefix of service.prefixes) {
      const parts = prefix.split('/');
      if (parts.length > segments.length) continue;
      const matches = parts.every((part, i) => part === segments[i] || (/^\{.+\}$/.test(part) && !!segments[i]));
      if (matches && (!best || parts.length > best.length)) best = { service, length: parts.length };
    }
  }
  return best?.service;
}

/** The services behind the gateway: where each runs (its `<NAME>_URL`) and its contract to route by. */
export function gatewayUpstreams(env: Record<string, string | undefined> = process.env): UpstreamService[] {
  return (SERVICES as readonly ServiceEntry[]).map((service) => {
    const variable = urlVariable(service.name);
    return {
      name: service.name,
      variable,
      origins: urlsFrom(env, variable),
      contract: contractOf(service),
      ...(service.keepsFiles ? { keepsFiles: true } : {}),
    };
  });
}

/**
 * Where `ctx.api` sends a path whose service this process does not run: that service's
 * replicas (`<NAME>_URL`). A path of its own, or of no service, is answered in-process.
 */
export function apiRouteFor(
  running: ServiceEntry,
  env: Record<string, string | undefined>,
): (path: string) => string[] {
  return (path) => {
    const owner = ownerOf(path);
    return owner && owner.name !== running.name ? urlsFrom(env, urlVariable(owner.name)) : [];
  };
}

/** Where a process that does not run the token signer finds its keys: a JWKS URL per replica. */
export function tokenKeysAt(env: Record<string, string | undefined>): { variable: string; urls: string[] } {
  const variable = urlVariable(TOKEN_SIGNER.name);
  return { variable, urls: urlsFrom(env, variable).map((base) => `${base}${TOKEN_SIGNER.signsTokens!.keysPath}`) };
}
