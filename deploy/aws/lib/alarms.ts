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
 * The alerts of deploy/prometheus/rules, as CloudWatch alarms of the same names
 * (`<stack>-<alert>`): where Prometheus reads Starling's /metrics, CloudWatch reads
 * what AWS measures (the load balancer, API Gateway, Lambda, ECS, RDS) and, for what
 * only Starling knows (dead letters, redeliveries, failed mail and webhooks, backlogs),
 * the lines Starling logs about them. docs/operations.md has a runbook for each.
 */
export const ALERTS = {
  errorRate: 'StarlingHighErrorRate',
  latency: 'StarlingHighLatency',
  notReady: 'StarlingNotReady',
  projectionLag: 'StarlingProjectionLag',
  relayLag: 'StarlingRelayLag',
  deadLetters: 'StarlingDeadLetters',
  redeliveries: 'StarlingRedeliveries',
  webhookFailures: 'StarlingWebhookFailures',
  mailFailures: 'StarlingMailFailures',
  busDown: 'StarlingBusDisconnected',
  databaseCpu: 'StarlingDatabaseCpu',
  databaseStorage: 'StarlingDatabaseStorage',
} as const;

/** Log lines (pino's `msg`) that count towards a metric. */
const LINES = {
  DeadLetters: ['dead-lettered*'],
  Redeliveries: ['consumer failed on an event; it will be retried', 'job failed on an event; it will be tried again'],
  RelayFailures: ['relay batch failed; will retry', 'publishing to NATS failed; will retry'],
  MailFailures: ['mail failed for good'],
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

    this.edgeAlarms(props);
    this.readiness(props);
    const starling = (metricName: string, statistic = 'Sum') =>
      new cloudwatch.Metric({ namespace: NAMESPACE, metricName, statistic, period: Duration.minutes(5) });
    const prom = (alert: string) => `Mirrors ${alert} of deploy/prometheus/rules.`;
    this.alarm(
      ALERTS.deadLetters,
      starling('DeadLetters'),
      1,
      `${prom(ALERTS.deadLetters)} An event was moved to the dead-letter subject.`,
    );
    this.alarm(
      ALERTS.redeliveries,
      starling('Redeliveries'),
      20,
      `${prom(ALERTS.redeliveries)} Consumers or jobs keep failing on events.`,
    );
    this.alarm(ALERTS.mailFailures, starling('MailFailures'), 1, `${prom(ALERTS.mailFailures)} Mail was given up on.`);
    this.alarm(
      ALERTS.webhookFailures,
      starling('WebhookFailures'),
      1,
      `${prom(ALERTS.webhookFailures)} A webhook delivery was given up on.`,
    );
    if (workers.length) {
      this.alarm(
        ALERTS.projectionLag,
        starling('ProjectionLag', 'Maximum'),
        1000,
        `${prom(ALERTS.projectionLag)} Workers are more than 1000 events behind.`,
        3,
      );
      this.alarm(
        ALERTS.relayLag,
        starling('RelayLag', 'Maximum'),
        100,
        `${prom(ALERTS.relayLag)} Events committed are not reaching NATS.`,
        3,
      );
    }
    this.alarm(
      `${ALERTS.relayLag}-Failures`,
      starling('RelayFailures'),
      5,
      `${prom(ALERTS.relayLag)} The relay keeps failing to publish to NATS.`,
    );

    const insights = (service: ecs.FargateService) =>
      new cloudwatch.Metric({
        namespace: 'ECS/ContainerInsights',
        metricName: 'RunningTaskCount',
        dimensionsMap: { ClusterName: props.cluster.clusterName, ServiceName: service.serviceName },
        statistic: 'Minimum',
        period: Duration.minutes(1),
      });
    this.alarm(
      ALERTS.busDown,
      insights(props.bus),
      1,
      'NATS is not running: events wait in the outboxes.',
      3,
      'below',
      true,
    );

    const db = props.foundation.database;
    this.alarm(
      ALERTS.databaseCpu,
      db.metricCPUUtilization({ period: Duration.minutes(5) }),
      80,
      'PostgreSQL is busy.',
      3,
    );
    this.alarm(
      ALERTS.databaseStorage,
      db.metricFreeStorageSpace({ period: Duration.minutes(5) }),
      2 * 1024 ** 3,
      'PostgreSQL has less than 2 GiB free (storage grows up to 200 GiB by itself).',
      1,
      'below',
    );
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

  /** Errors and p99 latency where requests come in: the load balancer, or API Gateway. */
  private edgeAlarms(props: AlarmsProps) {
    const period = Duration.minutes(5);
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
      this.alarm(ALERTS.errorRate, errors, 5, 'More than 5% of requests failed (5xx) at the load balancer.', 2);
      this.alarm(
        ALERTS.latency,
        targets.metrics.targetResponseTime({ statistic: 'p99', period }),
        2,
        'p99 latency above 2 s.',
        3,
      );
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
      this.alarm(ALERTS.errorRate, errors, 5, 'More than 5% of requests failed (5xx) at API Gateway.', 2);
      this.alarm(
        ALERTS.latency,
        metric('Latency', 'p99'),
        2000,
        'p99 latency above 2 s at API Gateway (cold starts included).',
        3,
      );
    }
  }

  /** A role that is not serving: an ECS service without a running task, a function failing or throttled. */
  private readiness(props: AlarmsProps) {
    for (const [role, service] of props.containers?.services ?? []) {
      const running = new cloudwatch.Metric({
        namespace: 'ECS/ContainerInsights',
        metricName: 'RunningTaskCount',
        dimensionsMap: { ClusterName: props.cluster.clusterName, ServiceName: service.serviceName },
        statistic: 'Minimum',
        period: Duration.minutes(1),
      });
      this.alarm(`${ALERTS.notReady}-${role}`, running, 1, `${role} has no running task.`, 5, 'below', true);
    }
    if (props.containers?.gatewayTargets) {
      const unhealthy = props.containers.gatewayTargets.metrics.unhealthyHostCount({
        period: Duration.minutes(1),
        statistic: 'Maximum',
      });
      this.alarm(`${ALERTS.notReady}-gateway-targets`, unhealthy, 1, 'A gateway task fails its health check.', 5);
    }
    for (const [role, fn] of props.functions?.functions ?? []) {
      const failing = new cloudwatch.MathExpression({
        expression: 'FILL(errors, 0) + FILL(throttles, 0)',
        usingMetrics: { errors: fn.metricErrors(), throttles: fn.metricThrottles() },
        period: Duration.minutes(5),
      });
      const what = role.endsWith('-worker')
        ? 'runs fail (a worker that cannot start)'
        : 'invocations fail or are throttled';
      this.alarm(`${ALERTS.notReady}-${role}`, failing, 3, `${role}: ${what}.`, 1);
    }
  }

  private alarm(
    name: string,
    metric: cloudwatch.IMetric,
    threshold: number,
    description: string,
    evaluationPeriods = 1,
    direction: 'above' | 'below' = 'above',
    missingIsBreaching = false,
  ) {
    const alarm = new cloudwatch.Alarm(this, name, {
      alarmName: `${Stack.of(this).stackName}-${name}`,
      alarmDescription: `${description} Runbook: docs/operations.md, "Alerts and runbooks".`,
      metric,
      threshold,
      evaluationPeriods,
      comparisonOperator:
        direction === 'above'
          ? cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD
          : cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: missingIsBreaching
        ? cloudwatch.TreatMissingData.BREACHING
        : cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    alarm.addOkAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
