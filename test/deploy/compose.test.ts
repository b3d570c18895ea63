import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROLES as TOPOLOGY_ROLES, SERVICES, urlVariable } from '@starling/cli/topology';

/*
 * The deployment files against the topology (apps/cli/src/topology.ts): deploy/compose.yaml
 * runs every role with what it needs, deploy/prometheus.yml scrapes each, and
 * the Dockerfile builds an image that can run them. No Docker needed: the files are read.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const DEPLOY = join(ROOT, 'deploy');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: (string | { target?: number; published?: string | number })[];
  deploy?: { replicas?: number };
  healthcheck?: { test?: string | string[] };
  container_name?: string;
  volumes?: (string | { source?: string; target?: string })[];
}

// Compose files use YAML merge keys (`<<: *starling`), as Docker Compose reads them.
const compose = parse(read('deploy/compose.yaml'), { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
const prometheus = parse(read('deploy/prometheus.yml')) as {
  scrape_configs: {
    job_name: string;
    metrics_path?: string;
    dns_sd_configs?: { names: string[]; type?: string; port?: number }[];
  }[];
};

/** A service's environment as a map, whichever form compose.yaml uses. */
function env(service: ComposeService): Record<string, string> {
  const { environment } = service;
  if (!environment) return {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(environment.map((e) => [e.split('=')[0], e.slice(e.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

const dependsOn = (service: ComposeService): Record<string, { condition?: string }> =>
  Array.isArray(service.depends_on)
    ? Object.fromEntries(service.depends_on.map((name) => [name, { condition: 'service_started' }]))
    : (service.depends_on ?? {});

/** The compose service an http:// or postgres:// URL's host names, and its port. */
const hostOf = (url: string) => {
  const { hostname, port } = new URL(url);
  return { hostname, port };
};

const ROLES = TOPOLOGY_ROLES.map((r) => r.name);
const SERVICE_ROLES = SERVICES.map((s) => s.name);
const roleNamed = (name: string) => TOPOLOGY_ROLES.find((r) => r.name === name)!;
/** The compose service and variable each need is met by. */
const NEEDS = {
  database: { variable: 'DATABASE_URL', scheme: /^postgres(ql)?:\/\//, host: 'postgres' },
  bus: { variable: 'NATS_URL', scheme: /^nats:\/\//, host: 'nats' },
  'object-storage': { variable: 'S3_ENDPOINT', scheme: /^https?:\/\//, host: 'minio' },
  mail: { variable: 'SMTP_URL', scheme: /^smtps?:\/\//, host: 'mailpit' },
} as const;
const backends = TOPOLOGY_ROLES.filter((r) => r.needs.length > 0).map((r) => r.name);

describe('deploy/compose.yaml runs every role of the topology', () => {
  it.each([...ROLES])('%s is a service running `start <role>` from the image of this repository', (role) => {
    const service = services[role];
    expect(service, `compose service "${role}"`).toBeDefined();
    expect(service.command).toEqual(['start', role]);
    const build = typeof service.build === 'string' ? { context: service.build } : service.build;
    expect(build?.context, 'built from the repository root').toBeDefined();
    const context = resolve(DEPLOY, build!.context!);
    expect(context).toBe(ROOT);
    expect(existsSync(join(context, build!.dockerfile ?? 'Dockerfile'))).toBe(true);
    expect(service.container_name, 'a container_name would prevent replicas').toBeUndefined();
  });

  it('runs nothing else from the image', () => {
    const fromImage = Object.entries(services)
      .filter(([, s]) => s.build !== undefined)
      .map(([name]) => name);
    expect(fromImage.sort()).toEqual([...ROLES].sort());
  });

  it.each(backends)('%s has what the topology says it needs, and waits for it to be healthy', (role) => {
    const vars = env(services[role]);
    for (const need of roleNamed(role).needs) {
      expect(need in NEEDS, `compose provides ${need}`).toBe(true);
      const { variable, scheme, host } = NEEDS[need as keyof typeof NEEDS];
      expect(vars[variable], variable).toMatch(scheme);
      expect(hostOf(vars[variable]!).hostname).toBe(host);
      expect(dependsOn(services[role])[host]?.condition, `depends_on ${host}`).toBe('service_healthy');
    }
  });

  it.each(ROLES.filter((r) => r !== 'identity'))('%s has IDENTITY_URL pointing at the identity service', (role) => {
    const urls = env(services[role]).IDENTITY_URL?.split(',') ?? [];
    expect(urls.length, 'IDENTITY_URL').toBeGreaterThan(0);
    for (const url of urls) expect(hostOf(url)).toEqual({ hostname: 'identity', port: '3000' });
  });

  it.each(ROLES)('%s waits for the roles the topology says it waits for', (role) => {
    for (const other of roleNamed(role).waitsFor) {
      expect(dependsOn(services[role])[other]?.condition, `depends_on ${other}`).toBe('service_healthy');
    }
  });

  it.each(TOPOLOGY_ROLES.filter((r) => r.kind !== 'gateway').map((r) => r.name))(
    '%s finds each service it calls by its compose name',
    (role) => {
      for (const callee of roleNamed(role).calls) {
        const variable = urlVariable(callee);
        const urls = env(services[role])[variable]?.split(',') ?? [];
        expect(urls.length, variable).toBeGreaterThan(0);
        for (const url of urls) expect(hostOf(url)).toEqual({ hostname: callee, port: '3000' });
      }
    },
  );

  it('the gateway publishes port 3000 and finds every service by its compose name', () => {
    const gateway = services.gateway;
    expect(gateway.ports?.map(String)).toContain('3000:3000');
    const vars = env(gateway);
    for (const service of SERVICE_ROLES) {
      const variable = urlVariable(service);
      const urls = vars[variable]?.split(',') ?? [];
      expect(urls.length, variable).toBeGreaterThan(0);
      for (const url of urls) {
        expect(url, variable).toMatch(/^https?:\/\//);
        const { hostname, port } = hostOf(url);
        expect(services[hostname], `${variable}: ${hostname} is a compose service`).toBeDefined();
        expect(hostname, variable).toBe(service);
        expect(port, variable).toBe('3000');
      }
    }
  });

  it('postgres and nats have health checks, and nats runs JetStream', () => {
    expect(services.postgres?.image).toMatch(/^postgres:15/);
    expect(services.postgres?.healthcheck?.test).toContain('pg_isready');
    expect(services.nats?.image).toMatch(/^nats:2\.10/);
    expect(services.nats?.command).toContain('-js');
    expect(services.nats?.healthcheck?.test).toBeDefined();
  });

  it.each(SERVICE_ROLES)('runs %s with the replicas the topology gives it', (name) => {
    const replicas = SERVICES.find((s) => s.name === name)!.replicas;
    expect(services[name].deploy?.replicas ?? 1).toBe(replicas);
  });
});

describe('deploy/compose.yaml, mail and notification rules', () => {
  const starlingRoles = TOPOLOGY_ROLES.filter((r) => r.kind !== 'gateway').map((r) => r.name);

  it('gives every Starling process the same MAIL_SEAL_KEY, which the operator must set', () => {
    const keys = new Set(starlingRoles.map((role) => env(services[role]).MAIL_SEAL_KEY));
    expect([...keys]).toHaveLength(1);
    // Compose refuses to start without it (`:?`): no key in the file, known to everyone.
    expect([...keys][0]).toMatch(/^\$\{MAIL_SEAL_KEY:\?.+\}$/);
  });

  it('gives every Starling process PUBLIC_URL, the address the gateway publishes by default', () => {
    for (const role of starlingRoles) {
      expect(env(services[role]).PUBLIC_URL, role).toBe('${PUBLIC_URL:-http://localhost:3000}');
    }
  });

  it('publishes the mail catcher’s web UI, where the mail sent can be read', () => {
    const smtp = TOPOLOGY_ROLES.filter((r) => r.needs.includes('mail')).map((r) => env(services[r.name]).SMTP_URL!);
    expect(smtp.length).toBeGreaterThan(0);
    const catcher = services[hostOf(smtp[0]!).hostname]!;
    expect(catcher.image).toMatch(/mailpit/);
    expect(catcher.ports?.map(String)).toContain('8025:8025');
    expect(catcher.healthcheck?.test).toBeDefined();
  });

  it('mounts the example notification rules in every Starling process, applied once NOTIFY_RULES names them', () => {
    expect(existsSync(join(DEPLOY, 'notify-rules.example.json'))).toBe(true);
    for (const role of starlingRoles) {
      const mounts = (services[role].volumes ?? []).map(String);
      expect(mounts, role).toContain('./notify-rules.example.json:/etc/starling/notify-rules.json:ro');
      expect(env(services[role]).NOTIFY_RULES, role).toBe('${NOTIFY_RULES:-}');
    }
  });

  it('mounts the example access policies in every Starling process, the gateway included, applied once ACCESS_POLICY names one', () => {
    expect(existsSync(join(DEPLOY, 'access-policy', 'members-only.yaml'))).toBe(true);
    for (const role of [...starlingRoles, 'gateway']) {
      const mounts = (services[role].volumes ?? []).map(String);
      expect(mounts, role).toContain('./access-policy:/etc/starling/access-policy:ro');
      expect(env(services[role]).ACCESS_POLICY, role).toBe('${ACCESS_POLICY:-}');
    }
  });
});

describe('deploy/prometheus.yml', () => {
  it('scrapes /metrics on port 3000 of every replica of every role (DNS, type A)', () => {
    const scraped = new Set<string>();
    for (const job of prometheus.scrape_configs) {
      expect(job.metrics_path ?? '/metrics').toBe('/metrics');
      for (const sd of job.dns_sd_configs ?? []) {
        expect(sd.type).toBe('A');
        expect(sd.port).toBe(3000);
        for (const name of sd.names) scraped.add(name);
      }
    }
    expect([...scraped].sort()).toEqual([...ROLES].sort());
  });

  it('is the one compose mounts into prometheus', () => {
    const mounts = (services.prometheus?.volumes ?? []).map(String);
    expect(mounts.some((m) => m.startsWith('./prometheus.yml:/etc/prometheus/prometheus.yml'))).toBe(true);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  /** Instructions, with continuation lines joined and comments dropped. */
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const all = (keyword: string) =>
    instructions
      .filter((i) => i.toUpperCase().startsWith(`${keyword} `))
      .map((i) => i.slice(keyword.length + 1).trim());

  it('is multi-stage', () => {
    expect(all('FROM').length).toBeGreaterThan(1);
  });

  it('runs as a user other than root', () => {
    const user = all('USER').at(-1);
    expect(user, 'a USER instruction').toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
  });

  it('has a HEALTHCHECK on /healthz, exposes 3000 and runs the starling command', () => {
    expect(all('HEALTHCHECK').join(' ')).toContain('/healthz');
    expect(all('EXPOSE')).toContain('3000');
    expect(JSON.parse(all('ENTRYPOINT').at(-1)!)).toEqual(['node', 'bin/starling.js']);
    expect(JSON.parse(all('CMD').at(-1)!)).toEqual(['start']);
  });

  it('copies the manifest of every workspace before installing', () => {
    const workspaces = (JSON.parse(read('package.json')) as { workspaces: string[] }).workspaces;
    for (const pattern of workspaces) expect(dockerfile).toContain(`${pattern}/package.json`);
  });

  it('.dockerignore keeps what the build needs in the context', () => {
    // .dockerignore patterns as regular expressions (enough for the forms it uses).
    const patterns = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(
      patterns.some((p) => p.startsWith('!')),
      'no exceptions, which this check does not model',
    ).toBe(false);
    const toRegExp = (pattern: string) =>
      new RegExp(
        `^${pattern
          .replace(/^\/+/, '')
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*\*\//g, '\u0000')
          .replace(/\*/g, '[^/]*')
          .replace(/\?/g, '[^/]')
          // eslint-disable-next-line no-control-regex -- NUL marks where `**/` stood, a character no pattern holds
          .replace(/\u0000/g, '(?:.*/)?')}(?:/.*)?$`,
      );
    const excluded = (path: string) => patterns.some((p) => toRegExp(p).test(path));
    const needed = [
      'package.json',
      'package-lock.json',
      '.npmrc',
      'tsconfig.json',
      'tsconfig.base.json',
      'bin/starling.js',
      'scripts/gen-openapi-types.js',
      'apps/cli/bin/starling.js',
      'packages/kit/src/index.ts',
      'services/tweets/openapi.yaml',
      'services/tweets/src/index.ts',
      'services/tweets/src/migrations/index.ts',
      'apps/web/index.html',
      'apps/web/vite.config.ts',
      'apps/web/src/main.tsx',
    ];
    expect(needed.filter(excluded)).toEqual([]);
    // And it does keep out what must not be sent (checks the matcher as much as the file).
    expect(
      ['node_modules/x', 'packages/kit/node_modules/x', 'packages/kit/dist/index.js', '.git/HEAD'].filter(excluded),
    ).toHaveLength(4);
  });
});
