import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { alerts, ROOT, RULE_TESTS_DIR, RULES_DIR, rules, yamlFiles } from './rules.js';

/*
 * deploy/prometheus: the rules load (promtool check rules), each alert fires when it
 * should and not otherwise (promtool test rules, deploy/prometheus/tests), Prometheus
 * as compose runs it loads them, and every alert leads to its runbook in
 * docs/operations.md. promtool is in Debian's `prometheus` package, which .ci/run
 * installs; without it the promtool checks report themselves skipped.
 */

function findPromtool(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin'];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = join(dir, 'promtool');
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

const promtool = findPromtool();
const run = (...args: string[]) => spawnSync(promtool!, args, { cwd: ROOT, encoding: 'utf8' });
const output = (r: ReturnType<typeof run>) => `${r.stdout}\n${r.stderr}`;

describe.skipIf(!promtool)(
  `promtool on deploy/prometheus${promtool ? '' : ' (skipped: no promtool; apt-get install prometheus)'}`,
  () => {
    it('checks every rule file', () => {
      const result = run('check', 'rules', ...yamlFiles(RULES_DIR));
      expect(result.status, output(result)).toBe(0);
    });

    it('passes every unit test of the alerts and recording rules', () => {
      const files = yamlFiles(RULE_TESTS_DIR);
      expect(files.length).toBeGreaterThan(0);
      const result = run('test', 'rules', ...files);
      expect(result.status, output(result)).toBe(0);
    });

    describe('Prometheus as deploy/compose.yaml runs it', () => {
      const dir = mkdtempSync(join(tmpdir(), 'starling-prometheus-'));
      afterAll(() => rmSync(dir, { recursive: true, force: true }));

      it('loads every rule through prometheus.yml and the rules folder compose mounts', () => {
        const compose = parse(readFileSync(join(ROOT, 'deploy/compose.yaml'), 'utf8')) as {
          services: Record<string, { volumes?: string[] }>;
        };
        // Each mount of the prometheus container: where the container sees a folder of deploy/.
        const mounts = (compose.services.prometheus?.volumes ?? [])
          .map((v) => v.split(':'))
          .filter(([source]) => source!.startsWith('./'))
          .map(([source, target]) => ({ local: join(ROOT, 'deploy', source!), target: target! }));
        const config = parse(readFileSync(join(ROOT, 'deploy/prometheus.yml'), 'utf8')) as { rule_files?: string[] };
        expect(config.rule_files?.length, 'prometheus.yml names rule files').toBeGreaterThan(0);
        // The same configuration with each path where the container sees it replaced by the local one.
        const local = config.rule_files!.map((path) => {
          const mount = mounts.find((m) => path.startsWith(`${m.target}/`));
          expect(mount, `${path} is in a folder compose mounts into prometheus`).toBeDefined();
          return mount!.local + path.slice(mount!.target.length);
        });
        const file = join(dir, 'prometheus.yml');
        writeFileSync(file, stringify({ ...config, rule_files: local }));
        const result = run('check', 'config', file);
        expect(result.status, output(result)).toBe(0);
        const found = [...output(result).matchAll(/SUCCESS: (\d+) rules found/g)].reduce((n, m) => n + Number(m[1]), 0);
        expect(found).toBe(rules().length);
      });
    });
  },
);

describe('the alerts of deploy/prometheus/rules', () => {
  const all = alerts();
  const operations = readFileSync(join(ROOT, 'docs/operations.md'), 'utf8');
  /** The section "## Alerts and runbooks", up to the next section. */
  const section = /^## Alerts and runbooks\n([\s\S]*?)(?=^## )/m.exec(operations)?.[1] ?? '';
  /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
  const anchor = (heading: string) =>
    heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
  const runbooks = [...section.matchAll(/^### (.+)$/gm)].map((m) => m[1]!.trim());

  it('are there, each with a name of its own', () => {
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(new Set(all.map((a) => a.alert)).size).toBe(all.length);
  });

  it.each(all.map((a) => [a.alert, a] as const))('%s has a severity, a summary and a description', (_name, alert) => {
    expect(['critical', 'warning']).toContain(alert.labels?.severity);
    expect(alert.annotations?.summary).toBeTruthy();
    expect(alert.annotations?.description).toBeTruthy();
  });

  it.each(all.map((a) => [a.alert, a] as const))(
    '%s names its runbook, a section of "Alerts and runbooks" in docs/operations.md',
    (name, alert) => {
      const runbook = alert.annotations?.runbook ?? '';
      expect(runbook).toMatch(/^docs\/operations\.md#[a-z0-9_-]+$/);
      const target = runbook.split('#')[1];
      const heading = runbooks.find((h) => anchor(h) === target);
      expect(heading, `a "### ${name}" heading in "## Alerts and runbooks"`).toBe(name);
    },
  );

  it('has one runbook section per alert, and none for an alert that does not exist', () => {
    expect([...runbooks].sort()).toEqual(all.map((a) => a.alert).sort());
  });

  it('has each alert fire in a unit test of deploy/prometheus/tests', () => {
    type Tests = { tests: { alert_rule_test?: { alertname: string; exp_alerts?: unknown[] }[] }[] };
    const fired = new Set(
      yamlFiles(RULE_TESTS_DIR).flatMap((file) =>
        (parse(readFileSync(file, 'utf8')) as Tests).tests.flatMap((t) =>
          (t.alert_rule_test ?? []).filter((a) => a.exp_alerts?.length).map((a) => a.alertname),
        ),
      ),
    );
    expect(all.map((a) => a.alert).filter((name) => !fired.has(name))).toEqual([]);
  });
});
