import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SERVICES } from '@starling/cli/topology';
import { dashboards, panelsOf, promQueries, ROOT } from './rules.js';

/*
 * deploy/grafana and the logs profile, read as Grafana, Loki and Vector would from the
 * mounts deploy/compose.yaml gives them (none of them runs here): the dashboards are the
 * generator's, one per service of the topology, on the data sources provisioned, and the
 * logs reach Loki with the labels the dashboards ask for. test/deploy/metrics.test.ts
 * checks the metrics the dashboards query.
 */

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface ComposeService {
  image?: string;
  command?: string[];
  ports?: string[];
  volumes?: string[];
  profiles?: string[];
}
const compose = parse(read('deploy/compose.yaml'), { merge: true }) as {
  name: string;
  services: Record<string, ComposeService>;
};
const services = compose.services;

/** Where a compose service's container sees a file or folder of deploy/ (`./x:/y:ro`). */
function mountOf(service: string, local: string): string | undefined {
  for (const volume of services[service]?.volumes ?? []) {
    const [source, target] = volume.split(':');
    if (source === local) return target;
  }
  return undefined;
}

const boards = dashboards();
const datasources = (
  parse(read('deploy/grafana/provisioning/datasources/starling.yaml')) as {
    datasources: { name: string; uid: string; type: string; url: string }[];
  }
).datasources;
const loki = parse(read('deploy/loki/loki.yaml')) as { server: { http_listen_port: number } };
const vector = parse(read('deploy/vector/vector.yaml')) as {
  sources: Record<string, { type: string; include_labels?: string[] }>;
  sinks: Record<string, { type: string; endpoint: string; labels: Record<string, string>; inputs: string[] }>;
};

describe('deploy/grafana/dashboards', () => {
  it('are what scripts/gen-grafana-dashboards.js makes', () => {
    const result = spawnSync(process.execPath, ['scripts/gen-grafana-dashboards.js', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
  });

  it('are the overview, the gateway and one per service of the topology, each with its own uid', () => {
    const expected = ['overview', 'gateway', ...SERVICES.map((s) => s.name)].map((n) => `starling-${n}.json`);
    expect([...boards.keys()].sort()).toEqual(expected.sort());
    const uids = [...boards.values()].map((b) => b.uid);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('the overview shows requests, errors, latency and lag', () => {
    const queries = promQueries(boards.get('starling-overview.json')!).join('\n');
    expect(queries).toContain('role:http_requests:rate5m');
    expect(queries).toContain('role:http_request_errors:ratio_rate5m');
    expect(queries).toMatch(/histogram_quantile\(0\.99, .*http_request_duration_seconds_bucket/);
    expect(queries).toContain('consumer:starling_projection_lag_events:max');
    expect(queries).toContain('source:starling_relay_lag_events:max');
  });

  it.each(SERVICES.map((s) => s.name))('the dashboard of %s asks about %s only', (service) => {
    const board = boards.get(`starling-${service}.json`)!;
    expect(board.title).toContain(service);
    const matchers = promQueries(board).flatMap((q) => [
      ...q.matchAll(/\b(role|service|source|consumer|job)=~?"([^"]*)"/g),
    ]);
    expect(matchers.length).toBeGreaterThan(0);
    for (const [matcher, , value] of matchers) expect(value, matcher).toContain(service);
  });

  it.each([...boards.keys()])('%s uses only the data sources Grafana is given, by uid and type', (file) => {
    for (const panel of panelsOf(boards.get(file)!)) {
      for (const source of [panel.datasource, ...(panel.targets ?? []).map((t) => t.datasource)]) {
        if (!source) continue;
        expect(datasources.find((d) => d.uid === source.uid)?.type, `${panel.title}: ${source.uid}`).toBe(source.type);
      }
    }
  });

  it.each([...boards.keys()])('%s lays its panels out without overlap, within 24 columns', (file) => {
    const taken = new Set<string>();
    for (const panel of panelsOf(boards.get(file)!)) {
      const { x, y, w, h } = panel.gridPos!;
      expect(x + w, panel.title).toBeLessThanOrEqual(24);
      for (let i = x; i < x + w; i++) {
        for (let j = y; j < y + h; j++) {
          expect(taken.has(`${i},${j}`), `${panel.title} overlaps at ${i},${j}`).toBe(false);
          taken.add(`${i},${j}`);
        }
      }
    }
  });
});

describe('Grafana in deploy/compose.yaml', () => {
  it('runs Grafana on a port of its own, with the provisioning and the dashboards mounted', () => {
    const grafana = services.grafana!;
    expect(grafana.image).toMatch(/^grafana\/grafana(:|$)/);
    expect(grafana.ports).toEqual(['3001:3000']);
    expect(mountOf('grafana', './grafana/provisioning')).toBe('/etc/grafana/provisioning');
    const providers = (
      parse(read('deploy/grafana/provisioning/dashboards/starling.yaml')) as {
        providers: { type: string; options: { path: string } }[];
      }
    ).providers;
    expect(providers.map((p) => p.options.path)).toEqual([mountOf('grafana', './grafana/dashboards')]);
  });

  it('publishes no host port twice', () => {
    const hostPorts = Object.values(services).flatMap((s) => (s.ports ?? []).map((p) => String(p).split(':')[0]));
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
  });

  it('gives Grafana Prometheus and Loki at the compose services and ports they listen on', () => {
    const prometheus = datasources.find((d) => d.type === 'prometheus')!;
    expect(prometheus.url).toBe('http://prometheus:9090');
    expect(services.prometheus?.ports).toContain('9090:9090');
    const lokiSource = datasources.find((d) => d.type === 'loki')!;
    expect(lokiSource.url).toBe(`http://loki:${loki.server.http_listen_port}`);
    expect(services.loki).toBeDefined();
  });
});

describe('the logs profile', () => {
  it('runs Loki and Vector only with --profile logs, each with its configuration from deploy/', () => {
    const profiled = Object.entries(services).filter(([, s]) => s.profiles?.length);
    expect(profiled.map(([name, s]) => [name, s.profiles])).toEqual([
      ['loki', ['logs']],
      ['vector', ['logs']],
    ]);
    const lokiConfig = mountOf('loki', './loki/loki.yaml');
    expect(services.loki!.command).toEqual([`-config.file=${lokiConfig}`]);
    const vectorConfig = mountOf('vector', './vector/vector.yaml');
    expect(services.vector!.command).toEqual(['--config', vectorConfig]);
    expect(mountOf('vector', '/var/run/docker.sock')).toBe('/var/run/docker.sock');
    expect(services.vector!.volumes).toContain('/var/run/docker.sock:/var/run/docker.sock:ro');
  });

  it('reads the containers of this compose project and sends them to the Loki of the profile', () => {
    const [source] = Object.values(vector.sources);
    expect(source!.type).toBe('docker_logs');
    expect(source!.include_labels).toEqual([`com.docker.compose.project=${compose.name}`]);
    const sinks = Object.values(vector.sinks);
    expect(sinks.map((s) => [s.type, s.endpoint])).toEqual([['loki', `http://loki:${loki.server.http_listen_port}`]]);
  });

  it('labels each line with what the dashboards’ log panels select by', () => {
    const labels = Object.keys(Object.values(vector.sinks)[0]!.labels);
    const selected = [...boards.values()].flatMap((board) =>
      panelsOf(board)
        .filter((p) => p.datasource?.type === 'loki')
        .flatMap((p) => (p.targets ?? []).flatMap((t) => [...t.expr.matchAll(/(\w+)\s*=~?\s*"/g)].map((m) => m[1]!))),
    );
    expect(selected.length).toBeGreaterThan(0);
    for (const label of selected) expect(labels).toContain(label);
  });
});
