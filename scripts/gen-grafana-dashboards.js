// Writes the Grafana dashboards of deploy/grafana/dashboards: an overview of Starling and
// one per service of the topology (apps/cli/src/topology.ts) and the gateway. They are
// made here rather than edited in Grafana's UI so that every panel of every service
// asks the same questions the same way. `--check` fails when a committed dashboard is
// not what this script makes (test/deploy/grafana.test.ts runs it).
//
// The queries use the recording rules of deploy/prometheus/rules/recording.yml where
// one exists; `role` is the compose service a process runs as (deploy/prometheus.yml).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import prettier from 'prettier';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../deploy/grafana/dashboards');
const PROMETHEUS = { type: 'prometheus', uid: 'prometheus' };
const LOKI = { type: 'loki', uid: 'loki' };

/** What each service's dashboard shows besides what every one does. */
const SERVICES = {
  identity: { about: 'accounts, sign-in, sessions and tokens' },
  tweets: { about: 'tweets, replies, likes and reposts' },
  graph: { about: 'follows' },
  timeline: { about: 'timelines, search and live streams' },
  media: { about: 'uploads and their conversion', extra: mediaPanels },
  notify: { about: 'notifications, mail and webhooks', extra: notifyPanels },
  mastodon: { about: 'the Mastodon client API' },
};

// ------------------------------------------------------------------ panels

const query = (expr, legendFormat = '') => ({ expr, legendFormat });

function timeseries(title, targets, { unit = 'short', description, width = 12 } = {}) {
  return {
    type: 'timeseries',
    title,
    ...(description ? { description } : {}),
    datasource: PROMETHEUS,
    width,
    targets: targets.map((t, i) => ({ refId: String.fromCharCode(65 + i), datasource: PROMETHEUS, ...t })),
    fieldConfig: { defaults: { unit, min: 0 }, overrides: [] },
    options: { legend: { displayMode: 'list', placement: 'bottom' }, tooltip: { mode: 'multi', sort: 'desc' } },
  };
}

function logs(title, expr) {
  return {
    type: 'logs',
    title,
    description: 'Needs the logs profile: docker compose --profile logs up (docs/operations.md).',
    datasource: LOKI,
    width: 24,
    height: 12,
    targets: [{ refId: 'A', datasource: LOKI, expr }],
    options: { showTime: true, wrapLogMessage: true, sortOrder: 'Descending', enableLogDetails: true },
  };
}

/** `role` matching the API and worker processes of a service. */
const rolesOf = (service) => `role=~"${service}|${service}-worker"`;
/** Consumers are named after the service that owns their tables: `timeline.tweets`. */
const consumersOf = (service) => `consumer=~"${service}\\\\..+"`;

function processPanels(roles) {
  return [
    timeseries('Processes ready', [query(`starling_ready{${roles}}`, '{{role}} {{instance}}')], {
      description: '1 while GET /readyz answers 200.',
      width: 6,
    }),
    timeseries('CPU', [query(`rate(process_cpu_seconds_total{${roles}}[$__rate_interval])`, '{{role}} {{instance}}')], {
      unit: 'percentunit',
      width: 6,
    }),
    timeseries('Resident memory', [query(`process_resident_memory_bytes{${roles}}`, '{{role}} {{instance}}')], {
      unit: 'bytes',
      width: 6,
    }),
    timeseries('Event loop lag (p99)', [query(`nodejs_eventloop_lag_p99_seconds{${roles}}`, '{{role}} {{instance}}')], {
      unit: 's',
      width: 6,
    }),
  ];
}

function requestPanels(role) {
  const route = '{{method}} {{route}}';
  return [
    timeseries(
      'Requests by route',
      [query(`sum by (method, route) (role_route:http_requests:rate5m{role="${role}"})`, route)],
      {
        unit: 'reqps',
        width: 8,
      },
    ),
    timeseries(
      '5xx by route',
      [query(`sum by (method, route) (role_route:http_request_errors:rate5m{role="${role}"})`, route)],
      {
        unit: 'reqps',
        width: 8,
      },
    ),
    timeseries(
      'Latency by route (p99)',
      [query(`role_route:http_request_duration_seconds:p99_5m{role="${role}"}`, route)],
      {
        unit: 's',
        description: 'Event streams stay open as long as their client listens: their durations are long by design.',
        width: 8,
      },
    ),
  ];
}

function eventPanels(service) {
  return [
    timeseries(
      'Events appended by type',
      [
        query(
          `sum by (type) (rate(starling_events_appended_total{service="${service}"}[$__rate_interval]))`,
          '{{type}}',
        ),
      ],
      { unit: 'ops', width: 8 },
    ),
    timeseries(
      'Read model lag',
      [query(`consumer:starling_projection_lag_events:max{${consumersOf(service)}}`, '{{consumer}}')],
      {
        description: 'Events its read models and jobs have yet to process (runbook: StarlingProjectionLagHigh).',
        width: 8,
      },
    ),
    timeseries(
      'Outbox relay to NATS',
      [
        query(`source:starling_relay_lag_events:max{source="${service}"}`, 'waiting'),
        query(`source:starling_bus_relayed:rate5m{source="${service}"} * 60`, 'relayed a minute'),
      ],
      { description: 'The distributed mode only (runbook: StarlingRelayStalled).', width: 8 },
    ),
    timeseries(
      'Messages from NATS',
      [
        query(
          `sum by (consumer) (rate(starling_bus_delivered_total{${consumersOf(service)}}[$__rate_interval]))`,
          'applied {{consumer}}',
        ),
        query(
          `sum by (consumer) (rate(starling_bus_redeliveries_total{${consumersOf(service)}}[$__rate_interval]))`,
          'redelivered {{consumer}}',
        ),
        query(
          `sum by (consumer) (increase(starling_bus_dead_letters_total{${consumersOf(service)}}[$__rate_interval]))`,
          'dead-lettered {{consumer}}',
        ),
      ],
      { unit: 'ops', width: 24 },
    ),
  ];
}

function mediaPanels() {
  return {
    title: 'Conversions',
    panels: [
      timeseries(
        'Conversion time (p95) by outcome',
        [
          query(
            'histogram_quantile(0.95, sum by (outcome, le) (rate(starling_media_conversion_seconds_bucket[$__rate_interval])))',
            '{{outcome}}',
          ),
        ],
        { unit: 's' },
      ),
      timeseries(
        'Jobs',
        [
          query(
            'sum by (job) (rate(starling_job_performed_total{job=~"media\\\\..+"}[$__rate_interval]))',
            'performed {{job}}',
          ),
          query(
            'sum by (job) (rate(starling_job_failed_total{job=~"media\\\\..+"}[$__rate_interval]))',
            'failed {{job}}',
          ),
          query(
            'sum by (job) (increase(starling_job_given_up_total{job=~"media\\\\..+"}[$__rate_interval]))',
            'given up {{job}}',
          ),
        ],
        { unit: 'ops' },
      ),
    ],
  };
}

function notifyPanels() {
  return {
    title: 'Mail and webhooks',
    panels: [
      timeseries(
        'Mail attempts by outcome',
        [query('sum by (outcome) (rate(starling_mail_attempts_total[$__rate_interval]))', '{{outcome}}')],
        {
          unit: 'ops',
          description:
            'retry: refused for now, tried again; failed: given up; dropped: no longer wanted (runbook: StarlingMailFailing).',
        },
      ),
      timeseries(
        'Webhook attempts by outcome',
        [query('sum by (outcome) (rate(starling_webhook_attempts_total[$__rate_interval]))', '{{outcome}}')],
        { unit: 'ops', description: 'Runbook: StarlingWebhooksFailing.' },
      ),
    ],
  };
}

// ---------------------------------------------------------------- dashboards

function overview() {
  return dashboard('starling-overview', 'Starling', 'Requests, errors, latency and lag of every process.', [
    {
      title: 'Requests',
      panels: [
        timeseries('Requests by role', [query('role:http_requests:rate5m', '{{role}}')], { unit: 'reqps', width: 8 }),
        timeseries('5xx ratio by role', [query('role:http_request_errors:ratio_rate5m', '{{role}}')], {
          unit: 'percentunit',
          description: 'Runbook: StarlingHighErrorRate.',
          width: 8,
        }),
        timeseries(
          'Latency by role (p99, event streams left out)',
          [
            query(
              'histogram_quantile(0.99, sum by (role, le) (rate(http_request_duration_seconds_bucket{route!~".*/streaming.*"}[$__rate_interval])))',
              '{{role}}',
            ),
          ],
          { unit: 's', width: 8 },
        ),
      ],
    },
    {
      title: 'Processes',
      panels: [
        timeseries(
          'Processes ready',
          [
            query('sum by (role) (starling_ready)', 'ready {{role}}'),
            query('count by (role) (starling_ready)', 'running {{role}}'),
          ],
          { description: 'Runbooks: StarlingNotReady, StarlingReadinessFlapping.' },
        ),
        timeseries('Connected to NATS', [query('sum by (role) (starling_bus_connected)', '{{role}}')], {
          description: 'Processes connected to NATS, by role (runbook: StarlingBusDisconnected).',
        }),
      ],
    },
    {
      title: 'Events',
      panels: [
        timeseries(
          'Events appended by service',
          [query('sum by (service) (rate(starling_events_appended_total[$__rate_interval]))', '{{service}}')],
          {
            unit: 'ops',
          },
        ),
        timeseries('Read model lag', [query('consumer:starling_projection_lag_events:max', '{{consumer}}')], {
          description: 'Runbooks: StarlingProjectionLagHigh, StarlingProjectionStalled.',
        }),
        timeseries('Relay lag', [query('source:starling_relay_lag_events:max', '{{source}}')], {
          description: 'Events committed and not yet on NATS (runbooks: StarlingRelayLagHigh, StarlingRelayStalled).',
        }),
        timeseries(
          'Dead letters and redeliveries',
          [
            query(
              'sum by (consumer) (increase(starling_bus_dead_letters_total[$__rate_interval])) > 0',
              'dead-lettered {{consumer}}',
            ),
            query(
              'sum by (consumer) (rate(starling_bus_redeliveries_total[$__rate_interval])) > 0',
              'redelivered {{consumer}}',
            ),
          ],
          { description: 'Runbooks: StarlingDeadLetters, StarlingRedeliveries.' },
        ),
      ],
    },
    {
      title: 'Mail and webhooks',
      panels: notifyPanels().panels,
    },
  ]);
}

function serviceDashboard(service, { about, extra }) {
  return dashboard(`starling-${service}`, `Starling / ${service}`, `The ${service} service: ${about}.`, [
    { title: 'Requests', panels: requestPanels(service) },
    { title: `Processes (${service} and ${service}-worker)`, panels: processPanels(rolesOf(service)) },
    { title: 'Events', panels: eventPanels(service) },
    ...(extra ? [extra()] : []),
    {
      title: 'Logs',
      panels: [logs('Logs', `{compose_project="starling", compose_service=~"${service}|${service}-worker"} | json`)],
    },
  ]);
}

function gateway() {
  return dashboard(
    'starling-gateway',
    'Starling / gateway',
    'The edge: routing to the services, token checks, rate limits.',
    [
      { title: 'Requests', panels: requestPanels('gateway') },
      {
        title: 'Upstreams',
        panels: [
          timeseries(
            'Attempts to reach each service, by outcome',
            [
              query(
                'sum by (service, outcome) (rate(starling_gateway_upstream_requests_total[$__rate_interval]))',
                '{{service}} {{outcome}}',
              ),
            ],
            { unit: 'ops', description: 'Runbook: StarlingGatewayUpstreamFailing.', width: 8 },
          ),
          timeseries(
            'Retries',
            [query('sum by (service) (rate(starling_gateway_retries_total[$__rate_interval]))', '{{service}}')],
            {
              unit: 'ops',
              width: 8,
            },
          ),
          timeseries(
            'Refused by the rate limit',
            [query('sum(rate(starling_gateway_rate_limited_total[$__rate_interval]))', '429s')],
            {
              unit: 'reqps',
              width: 8,
            },
          ),
        ],
      },
      { title: 'Processes', panels: processPanels('role="gateway"') },
      { title: 'Logs', panels: [logs('Logs', '{compose_project="starling", compose_service="gateway"} | json')] },
    ],
  );
}

/** A dashboard of rows, each a full-width row panel followed by its panels laid out left to right. */
function dashboard(uid, title, description, rows) {
  const panels = [];
  let y = 0;
  for (const row of rows) {
    panels.push({ type: 'row', title: row.title, collapsed: false, gridPos: { h: 1, w: 24, x: 0, y }, panels: [] });
    y += 1;
    let x = 0;
    let rowHeight = 0;
    for (const { width, height = 8, ...panel } of row.panels) {
      if (x + width > 24) {
        y += rowHeight;
        x = 0;
        rowHeight = 0;
      }
      panels.push({ ...panel, gridPos: { h: height, w: width, x, y } });
      x += width;
      rowHeight = Math.max(rowHeight, height);
    }
    y += rowHeight;
  }
  return {
    uid,
    title,
    description,
    tags: ['starling'],
    editable: false,
    timezone: 'browser',
    refresh: '30s',
    time: { from: 'now-3h', to: 'now' },
    schemaVersion: 39,
    version: 1,
    links: [{ type: 'dashboards', title: 'Starling', tags: ['starling'], asDropdown: true, keepTime: true }],
    annotations: { list: [] },
    templating: { list: [] },
    panels: panels.map((panel, i) => ({ id: i + 1, ...panel })),
  };
}

// ---------------------------------------------------------------------- main

export const DASHBOARDS = {
  'starling-overview.json': overview(),
  'starling-gateway.json': gateway(),
  ...Object.fromEntries(
    Object.entries(SERVICES).map(([name, s]) => [`starling-${name}.json`, serviceDashboard(name, s)]),
  ),
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const options = { ...(await prettier.resolveConfig(join(OUT, 'x.json'))), parser: 'json' };
  let stale = 0;
  for (const [file, board] of Object.entries(DASHBOARDS)) {
    const path = join(OUT, file);
    const current = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
    if (isDeepStrictEqual(current, board)) continue;
    if (check) {
      console.error(`${path} is not what scripts/gen-grafana-dashboards.js makes: run npm run gen:dashboards`);
      stale += 1;
      continue;
    }
    writeFileSync(path, await prettier.format(JSON.stringify(board), options));
    console.log(`wrote ${path}`);
  }
  if (stale) process.exit(1);
}
