import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@starling/kit';
import { createGateway, type Gateway } from '@starling/gateway';
import { gatewayUpstreams } from '@starling/cli/topology';
import { modeIsAvailable, modeTitle, startStarling, type Starling } from '../support/starling.js';
import { dashboards, metricNames, promQueries, rules, withGrafanaVariables } from './rules.js';

/*
 * Every metric the Prometheus rules (deploy/prometheus/rules) and the Grafana dashboards
 * (deploy/grafana/dashboards) query is one Starling exports: a renamed or misspelt
 * metric would leave an alert that never fires and a panel that stays empty. The
 * metrics are scraped from running processes: every service in one process on the
 * JetStream bus (which adds the bus's metrics), and a gateway.
 */

/** Series Prometheus writes itself for every target, which no /metrics holds. */
const PROMETHEUS_SERIES = new Set(['up']);

/** The names a scrape exports: each `# TYPE`, with a histogram's and a summary's series. */
function exported(text: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(name!);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name! + suffix);
    if (type === 'summary') for (const suffix of ['_sum', '_count']) names.add(name! + suffix);
  }
  return names;
}

/** A sample's value, by its name and labels as written (`name{a="b"}`). */
const sample = (text: string, series: string) =>
  new RegExp(`^${series.replace(/[{}.*+?^$()|[\]\\]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1];

const mode = { name: 'PostgreSQL and NATS JetStream', postgres: true, nats: true };

describe.skipIf(!modeIsAvailable(mode))(`the metrics of the rules and dashboards, on ${modeTitle(mode)}`, () => {
  let starling: Starling;
  let gateway: Gateway;
  let platformText = '';
  let names = new Set<string>();
  beforeAll(async () => {
    [starling, gateway] = await Promise.all([
      startStarling(mode),
      createGateway({ config: loadConfig({ LOG_LEVEL: 'silent' }), services: gatewayUpstreams({}) }),
    ]);
    platformText = (await starling.request({ url: '/metrics' })).body;
    const gatewayText = (await gateway.app.inject({ url: '/metrics' })).body;
    names = new Set([...exported(platformText), ...exported(gatewayText)]);
  });
  afterAll(async () => {
    await Promise.all([starling?.close(), gateway?.close()]);
  });

  const all = rules();
  const recorded = new Set(all.flatMap((r) => (r.record ? [r.record] : [])));
  /** What a query names that neither Starling exports nor a recording rule records. */
  const missing = (expr: string) =>
    metricNames(withGrafanaVariables(expr)).filter(
      (name) => !names.has(name) && !recorded.has(name) && !PROMETHEUS_SERIES.has(name),
    );

  it('reads names from PromQL as Prometheus does', () => {
    expect(
      metricNames(
        'sum by (role, le) (rate(http_request_duration_seconds_bucket{route!~".*/streaming.*"}[5m])) / on (role) group_left a:b:c > 0 unless {__name__="d"}',
      ),
    ).toEqual(['http_request_duration_seconds_bucket', 'a:b:c', 'd']);
    expect(() => metricNames('rate(x[5m]')).toThrow();
  });

  it.each(all.map((r) => [r.alert ?? r.record!, r.expr] as const))(
    'the rule %s queries only metrics Starling exports',
    (_rule, expr) => {
      expect(metricNames(expr).length).toBeGreaterThan(0);
      expect(missing(expr)).toEqual([]);
    },
  );

  it.each([...dashboards()].map(([file, board]) => [file, board] as const))(
    'the dashboard %s queries only metrics Starling exports',
    (_file, board) => {
      const queries = promQueries(board);
      expect(queries.length).toBeGreaterThan(0);
      expect(queries.flatMap(missing)).toEqual([]);
    },
  );

  it('exports the counters the alerts take increases of from zero, before anything has failed', () => {
    // A series that first appears at 1 is no increase to Prometheus: the first dead
    // letter, mail failure or webhook failure would go unnoticed.
    for (const series of [
      'starling_bus_dead_letters_total{consumer="timeline.tweets"}',
      'starling_bus_redeliveries_total{consumer="timeline.tweets"}',
      'starling_bus_dead_letters_total{consumer="media.extractor"}',
      'starling_job_failed_total{job="media.extractor"}',
      'starling_job_given_up_total{job="media.extractor"}',
      'starling_mail_attempts_total{outcome="failed"}',
      'starling_mail_attempts_total{outcome="retry"}',
      'starling_webhook_attempts_total{outcome="failed"}',
      'starling_webhook_attempts_total{outcome="retry"}',
    ]) {
      expect(sample(platformText, series), series).toBe('0');
    }
    expect(sample(platformText, 'starling_ready')).toBe('1');
    expect(sample(platformText, 'starling_bus_connected')).toBe('1');
  });
});
