import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { ContainerRoles } from './containers.js';
import type { Foundation } from './foundation.js';
import type { FunctionRoles } from './functions.js';

/** Starling's own metrics in CloudWatch, read off its JSON log lines by metric filters. */
export const NAMESPACE = 'Starling';

/**
 * The alerts of deploy/prometheus/rules/alerts.yml, as CloudWatch alarms of the same
 * names (`<stack>-<alert>`, `<stack>-<alert>-<role>` where AWS measures each role):
 * where Prometheus reads Starling's /metrics, CloudWatch reads what AWS measures (the
 * load balancer, API Gateway, Lambda, ECS, RDS) and, for what only Starling knows
 * (backlogs, dead letters, redeliveries, mail, webhooks), the lines Starling logs about
 * it. Each alarm points at its alert's runbook in docs/operations.md.
 */
export const ALERTS = {
  instanceDown: 'StarlingInstanceDown',
  notReady: 'StarlingNotReady',
  busDisconnected: 'StarlingBusDisconnected',
  highErrorRate: 'StarlingHighErrorRate',
  slowRoute: 'StarlingSlowRoute',
  projectionLagHigh: 'StarlingProjectionLagHigh',
  relayLagHigh: 'StarlingRelayLagHigh',
  relayStalled: 'StarlingRelayStalled',
  deadLetters: 'StarlingDeadLetters',
  redeliveries: 'StarlingRedeliveries',
  mailFailing: 'StarlingMailFailing',
  webhooksFailing: 'StarlingWebhooksFailing',
} as const;

/** What AWS alone watches: the database, which Prometheus does not scrape. */
export const DATABASE_ALARMS = { cpu: 'StarlingDatabaseCpu', storage: 'StarlingDatabaseStorage' } as const;

/** Log lines (pino's `msg`) counted into a metric, in every role's log. */
const LINES = {
  DeadLetters: ['dead-lettered*'],
  Redeliveries: ['consumer failed on an event; it will be retried', 'job failed on an event; it will be tried again'],
  RelayFailures: ['relay batch failed; will retry', 'publishing to NATS failed; will retry'],
  MailAttempts: ['mail sent', 'mail will be tried again', 'mail failed for good'],
  MailFailures: ['mail will be tried again', 'mail failed for good'],
  WebhookFailures: ['webhook delivery failed for good'],
} as const;

export interface AlarmsProps {
  foundation: Foundation;
  containers?: ContainerRoles;
  functions?: FunctionRoles;
  bus: ecs.FargateService;
  cluster: ecs.Cluster;
  alarmEmail?: string;
}

interface AlarmSpec {
  /** The alert it mirrors, which names its runbook. */
  alert: string;
  /** A role, for an alarm per role. */
  role?: string;
  metric: cloudwatch.IMetric;
  threshold: number;
  /** What it means, for whoever reads the notification. */
  description: string;
  /** Periods of the metric in a row. */
  periods?: number;
  below?: boolean;
  /** No data is trouble (a service that reports no running task at all). */
  missingBreaches?: boolean;
}

const minutes = (n: number) => Duration.minutes(n);

export class StarlingAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Starling alarms' });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const logGroups = [...(props.containers?.logGroups ?? []), ...(props.functions?.logGroups ?? [])];
    for (const [role, group] of logGroups) this.countLines(role, group);
    const workers = logGroups.filter(([role]) => role.endsWith('-worker'));
    for (const [role, group] of workers) this.backlogs(role, group);

    this.edge(props);
    this.processes(props);
    this.events(workers.length > 0);
    this.delivery();

    const db = props.foundation.database;
    this.alarm({
      alert: DATABASE_ALARMS.cpu,
      metric: db.metricCPUUtilization({ period: minutes(5) }),
      threshold: 80,
      periods: 3,
      description: 'PostgreSQL has been above 80% CPU for 15 minutes.',
    });
    this.alarm({
      alert: DATABASE_ALARMS.storage,
      metric: db.metricFreeStorageSpace({ period: minutes(5) }),
      threshold: 2 * 1024 ** 3,
      below: true,
      description: 'PostgreSQL has less than 2 GiB free (its storage grows by itself up to 200 GiB).',
    });
  }

  /** Errors and slow answers where requests come in: the load balancer, or API Gateway. */
  private edge(props: AlarmsProps) {
    const period = minutes(5);
    const lb = props.containers?.loadBalancer;
    const targets = props.containers?.gatewayTargets;
    if (lb && targets) {
      const errors = new cloudwatch.MathExpression({
        expression: '100 * (FILL(t5xx, 0) + FILL(e5xx, 0)) / FILL(requests, 1)',
        usingMetrics: {
          t5xx: lb.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period }),
          e5xx: lb.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { period }),
          requests: lb.metrics.requestCount({ period }),
        },
        period,
      });
      this.alarm({
        alert: ALERTS.highErrorRate,
        metric: errors,
        threshold: 5,
        description: 'More than 5% of requests got a 5xx at the load balancer over 5 minutes.',
      });
      this.alarm({
        alert: ALERTS.slowRoute,
        metric: targets.metrics.targetResponseTime({ statistic: 'p99', period }),
        threshold: 1,
        periods: 2,
        description: 'The p99 response time of the gateway has been above 1 s for 10 minutes.',
      });
    }
    const api = props.functions?.api;
    if (api) {
      const metric = (metricName: string, statistic: string) =>
        new cloudwatch.Metric({
          namespace: 'AWS/ApiGateway',
          metricName,
          dimensionsMap: { ApiId: api.ref },
          statistic,
          period,
        });
      const errors = new cloudwatch.MathExpression({
        expression: '100 * FILL(e5xx, 0) / FILL(requests, 1)',
        usingMetrics: { e5xx: metric('5xx', 'Sum'), requests: metric('Count', 'Sum') },
        period,
      });
      this.alarm({
        alert: ALERTS.highErrorRate,
        metric: errors,
        threshold: 5,
        description: 'More than 5% of requests got a 5xx at API Gateway over 5 minutes.',
      });
      this.alarm({
        alert: ALERTS.slowRoute,
        metric: metric('IntegrationLatency', 'p99'),
        threshold: 1000,
        periods: 2,
        description: "The p99 of the functions' answers has been above 1 s for 10 minutes (cold starts count).",
      });
    }
  }

  /** A role that is not running or not serving; NATS not running. */
  private processes(props: AlarmsProps) {
    const running = (service: ecs.FargateService) =>
      new cloudwatch.Metric({
        namespace: 'ECS/ContainerInsights',
        metricName: 'RunningTaskCount',
        dimensionsMap: { ClusterName: props.cluster.clusterName, ServiceName: service.serviceName },
        statistic: 'Minimum',
        period: minutes(1),
      });
    for (const [role, service] of props.containers?.services ?? []) {
      this.alarm({
        alert: ALERTS.instanceDown,
        role,
        metric: running(service),
        threshold: 1,
        periods: 2,
        below: true,
        missingBreaches: true,
        description: `${role} has had no running task for 2 minutes.`,
      });
    }
    if (props.containers?.gatewayTargets) {
      this.alarm({
        alert: ALERTS.notReady,
        role: 'gateway',
        metric: props.containers.gatewayTargets.metrics.unhealthyHostCount({
          period: minutes(1),
          statistic: 'Maximum',
        }),
        threshold: 1,
        periods: 5,
        description: 'A gateway task has failed its health check for 5 minutes.',
      });
    }
    for (const [role, fn] of props.functions?.functions ?? []) {
      const failing = new cloudwatch.MathExpression({
        expression: 'FILL(errors, 0) + FILL(throttles, 0)',
        usingMetrics: { errors: fn.metricErrors(), throttles: fn.metricThrottles() },
        period: minutes(5),
      });
      const what = role.endsWith('-worker') ? 'runs failed (it cannot start)' : 'calls failed or were throttled';
      this.alarm({
        alert: ALERTS.notReady,
        role,
        metric: failing,
        threshold: 3,
        description: `${role}: 3 ${what} in 5 minutes.`,
      });
    }
    this.alarm({
      alert: ALERTS.busDisconnected,
      metric: running(props.bus),
      threshold: 1,
      periods: 2,
      below: true,
      missingBreaches: true,
      description: 'NATS has had no running task for 2 minutes: events wait in the outboxes.',
    });
  }

  /** The bus, from the workers' backlog lines and the lines of failures. */
  private events(withWorkers: boolean) {
    if (withWorkers) {
      this.alarm({
        alert: ALERTS.projectionLagHigh,
        metric: starling('ProjectionLag', 'Maximum'),
        threshold: 1000,
        periods: 2,
        description: 'A worker has been more than 1000 events behind for 10 minutes.',
      });
      this.alarm({
        alert: ALERTS.relayLagHigh,
        metric: starling('RelayLag', 'Maximum'),
        threshold: 1000,
        periods: 2,
        description: 'More than 1000 committed events have waited for NATS for 10 minutes.',
      });
    }
    this.alarm({
      alert: ALERTS.relayStalled,
      metric: starling('RelayFailures'),
      threshold: 5,
      periods: 2,
      description: 'The relay has kept failing to publish to NATS for 10 minutes.',
    });
    this.alarm({
      alert: ALERTS.deadLetters,
      metric: starling('DeadLetters', 'Sum', 15),
      threshold: 1,
      description: 'Messages were dead-lettered in the last 15 minutes.',
    });
    this.alarm({
      alert: ALERTS.redeliveries,
      metric: starling('Redeliveries'),
      threshold: 5,
      periods: 3,
      description: 'Consumers and jobs have failed on events more than once a minute for 15 minutes.',
    });
  }

  /** Mail (a share of attempts failing) and webhooks (deliveries given up on). */
  private delivery() {
    const period = minutes(15);
    this.alarm({
      alert: ALERTS.mailFailing,
      metric: new cloudwatch.MathExpression({
        expression: 'IF(FILL(attempts, 0) > 0, 100 * FILL(failures, 0) / attempts, 0)',
        usingMetrics: { attempts: starling('MailAttempts', 'Sum', 15), failures: starling('MailFailures', 'Sum', 15) },
        period,
      }),
      threshold: 20,
      description: 'More than 20% of mail attempts failed over 15 minutes.',
    });
    this.alarm({
      alert: ALERTS.webhooksFailing,
      metric: starling('WebhookFailures', 'Sum', 30),
      threshold: 1,
      description: 'Webhook deliveries were given up on (all their attempts failed) in the last 30 minutes.',
    });
  }

  /** Counts the lines of LINES in a role's log. */
  private countLines(role: string, group: logs.LogGroup) {
    for (const [metricName, messages] of Object.entries(LINES)) {
      const patterns = messages.map((m) => logs.FilterPattern.stringValue('$.msg', '=', m));
      new logs.MetricFilter(this, `${role}-${metricName}`, {
        logGroup: group,
        metricNamespace: NAMESPACE,
        metricName,
        metricValue: '1',
        filterPattern: patterns.length === 1 ? patterns[0]! : logs.FilterPattern.any(...patterns),
      });
    }
  }

  /** A worker's `worker lag` line (apps/cli/src/lag-report.ts) as the two backlog metrics. */
  private backlogs(role: string, group: logs.LogGroup) {
    for (const [metricName, field] of [
      ['ProjectionLag', 'projectionLag'],
      ['RelayLag', 'relayLag'],
    ] as const) {
      new logs.MetricFilter(this, `${role}-${metricName}`, {
        logGroup: group,
        metricNamespace: NAMESPACE,
        metricName,
        metricValue: `$.${field}`,
        filterPattern: logs.FilterPattern.stringValue('$.msg', '=', 'worker lag'),
      });
    }
  }

  private alarm(spec: AlarmSpec) {
    const name = spec.role ? `${spec.alert}-${spec.role}` : spec.alert;
    const alarm = new cloudwatch.Alarm(this, name, {
      alarmName: `${Stack.of(this).stackName}-${name}`,
      alarmDescription: `${spec.description} Runbook: docs/operations.md#${spec.alert.toLowerCase()}`,
      metric: spec.metric,
      threshold: spec.threshold,
      evaluationPeriods: spec.periods ?? 1,
      comparisonOperator: spec.below
        ? cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD
        : cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: spec.missingBreaches
        ? cloudwatch.TreatMissingData.BREACHING
        : cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    alarm.addOkAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}

/** A metric of Starling's log lines, summed (or the most, for a backlog) over `period` minutes. */
function starling(metricName: string, statistic = 'Sum', period = 5) {
  return new cloudwatch.Metric({ namespace: NAMESPACE, metricName, statistic, period: minutes(period) });
}
