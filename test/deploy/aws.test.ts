import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CALLERS } from '@starling/kit';
import { handlers, INTEGRATION, isLive } from '@starling/cli/lambda';
import { contractOf, ROLES, SERVICES, type RoleEntry } from '@starling/cli/topology';
import { ALERTS, DATABASE_ALARMS } from '../../deploy/aws/lib/alarms.js';
import { handlerOf } from '../../deploy/aws/lib/functions.js';
import { settingsFrom } from '../../deploy/aws/lib/settings.js';
import { StarlingStack } from '../../deploy/aws/lib/stack.js';

/*
 * deploy/aws, the CDK app, synthesized here in both of its shapes, containers and
 * functions, and its CloudFormation checked: every role of the topology runs, nothing
 * holding data is public or unencrypted, no secret is written into the template, the
 * alarms are there, and API Gateway sends every operation of every contract to the
 * function of the service that serves it. Offline: no AWS account is involved.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const STACK = 'Starling';
/** A template's JSON, read by path: its shape is CloudFormation's, checked by the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any template JSON, navigated freely
type Json = any;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

let outdir: string;
const synth = (context: Record<string, string>, env: Record<string, string> = {}) => {
  const app = new App({ outdir, context });
  const stack = new StarlingStack(app, STACK, { stackName: STACK, settings: settingsFrom(app.node, env) });
  return Template.fromStack(stack);
};

let containers: Template;
let functions: Template;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'starling-cdk-'));
  // CDK's own check of the template against CloudFormation's schemas takes some 20 s a
  // stack; `npx cdk synth` (deploy/aws/cdk.json) runs it, these assertions need it not.
  process.env.CDK_VALIDATION = 'false';
  containers = synth({ compute: 'fargate' });
  functions = synth({ compute: 'lambda' });
}, 120_000);

afterAll(() => {
  delete process.env.CDK_VALIDATION;
  rmSync(outdir, { recursive: true, force: true });
});

const resources = (template: Template, type: string) =>
  Object.values(template.findResources(type)) as Array<{ Properties: Record<string, Json> }>;

describe('deploy/aws: the containers (compute=fargate)', () => {
  const commands = () =>
    resources(containers, 'AWS::ECS::TaskDefinition').flatMap((t) =>
      (t.Properties.ContainerDefinitions as Array<{ Command?: string[] }>).map((c) => c.Command),
    );

  it('runs every role of the topology as `starling start <role>`, and NATS', () => {
    for (const role of ROLES) expect(commands(), role.name).toContainEqual(['start', role.name]);
    expect(resources(containers, 'AWS::ECS::Service')).toHaveLength(ROLES.length + 1);
    containers.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({ Image: 'nats:2.10-alpine', Command: Match.arrayWith(['-js']) })],
    });
  });

  it('gives each role the environment compose gives it: what it needs, and the URLs of what it calls', () => {
    for (const role of ROLES) {
      const container = containerOf(role);
      const names = (container.Environment as Array<{ Name: string }>).map((e) => e.Name);
      for (const called of role.calls) expect(names, role.name).toContain(`${called.toUpperCase()}_URL`);
      if (role.kind === 'gateway') continue;
      expect(names, role.name).toEqual(expect.arrayContaining(['DATABASE_URL', 'NATS_URL', 'PUBLIC_URL']));
      expect(names.includes('S3_BUCKET'), role.name).toBe(role.needs.includes('object-storage'));
      expect(names.includes('LAG_REPORT_SECONDS'), role.name).toBe(role.kind === 'worker');
    }
    const identity = containerOf(ROLES.find((r) => r.name === 'tweets')!);
    const url = (identity.Environment as Array<{ Name: string; Value: string }>).find((e) => e.Name === 'IDENTITY_URL');
    expect(url?.Value).toBe('http://identity.starling.internal:3000');
  });

  it('puts the gateway, and only the gateway, behind an internet-facing load balancer', () => {
    containers.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internet-facing' });
    const behind = resources(containers, 'AWS::ECS::Service').filter((s) => s.Properties.LoadBalancers);
    expect(behind).toHaveLength(1);
    expect(JSON.stringify(behind[0]!.Properties.TaskDefinition)).toContain('gateway');
  });

  it('hands secrets to the containers from Secrets Manager, never in their environment', () => {
    for (const role of ROLES.filter((r) => r.kind !== 'gateway')) {
      const container = containerOf(role);
      const secrets = (container.Secrets as Array<{ Name: string; ValueFrom: unknown }>).map((s) => s.Name);
      expect(secrets, role.name).toEqual(expect.arrayContaining(['PGPASSWORD', 'MAIL_SEAL_KEY']));
      const plain = (container.Environment as Array<{ Name: string }>).map((e) => e.Name);
      expect(
        plain.filter((n) => /PASSWORD|SEAL_KEY|SECRET|SMTP_URL/.test(n)),
        role.name,
      ).toEqual([]);
    }
  });

  it('has the alarms of the Prometheus alerts, on the load balancer and every service', () => {
    const names = alarmNames(containers);
    for (const alert of [ALERTS.highErrorRate, ALERTS.slowRoute, ALERTS.deadLetters, ALERTS.redeliveries]) {
      expect(names).toContain(`${STACK}-${alert}`);
    }
    for (const alert of [ALERTS.projectionLagHigh, ALERTS.relayLagHigh, ALERTS.mailFailing, ALERTS.webhooksFailing]) {
      expect(names).toContain(`${STACK}-${alert}`);
    }
    for (const role of ROLES) expect(names).toContain(`${STACK}-${ALERTS.instanceDown}-${role.name}`);
    expect(names).toContain(`${STACK}-${ALERTS.notReady}-gateway`);
    expect(JSON.stringify(alarmNamed(containers, ALERTS.highErrorRate))).toContain('HTTPCode_Target_5XX_Count');
  });

  it('runs a published image when STARLING_IMAGE names one (CI deploys so), and builds none', () => {
    const image = 'ghcr.io/starling/starling:1.4.0';
    const published = synth({ compute: 'fargate' }, { STARLING_IMAGE: image });
    const images = resources(published, 'AWS::ECS::TaskDefinition').flatMap((t) =>
      (t.Properties.ContainerDefinitions as Array<{ Image: unknown }>).map((c) => c.Image),
    );
    expect(images.filter((i) => i !== image && i !== 'nats:2.10-alpine')).toEqual([]);
    expect(images.filter((i) => i === image)).toHaveLength(ROLES.length);
  });

  function containerOf(role: RoleEntry) {
    const found = resources(containers, 'AWS::ECS::TaskDefinition')
      .flatMap((t) => t.Properties.ContainerDefinitions as Array<Record<string, Json>>)
      .find((c) => JSON.stringify(c.Command) === JSON.stringify(['start', role.name]));
    expect(found, role.name).toBeDefined();
    return found!;
  }
});

describe('deploy/aws: the functions (compute=lambda)', () => {
  const lambdas = () => resources(functions, 'AWS::Lambda::Function');
  const functionFor = (role: string) =>
    lambdas().find((f) => JSON.stringify(f.Properties.ImageConfig?.Command) === JSON.stringify([handlerOf(role)]));
  const logicalIdOf = (role: string) =>
    Object.entries(functions.findResources('AWS::Lambda::Function')).find(
      ([, f]) => JSON.stringify(f.Properties.ImageConfig?.Command) === JSON.stringify([handlerOf(role)]),
    )?.[0];

  it('runs every API and worker as a function of the one image, each with its own handler', () => {
    const roles = ROLES.filter((r) => r.kind !== 'gateway');
    expect(Object.keys(handlers).sort()).toEqual(roles.map((r) => r.name).sort());
    for (const role of roles) {
      const fn = functionFor(role.name);
      expect(fn, role.name).toBeDefined();
      expect(fn!.Properties.FunctionName).toBe(`${STACK}-${role.name}`);
      expect(fn!.Properties.PackageType).toBe('Image');
      expect(fn!.Properties.VpcConfig).toBeDefined();
    }
    const images = new Set(lambdas().map((f) => JSON.stringify(f.Properties.Code.ImageUri)));
    expect(images.size).toBe(1);
    // No gateway: API Gateway is the edge; no load balancer either.
    expect(resources(functions, 'AWS::ElasticLoadBalancingV2::LoadBalancer')).toEqual([]);
  });

  it('wakes each worker every minute, and lets API Gateway invoke each API', () => {
    const rules = resources(functions, 'AWS::Events::Rule');
    for (const role of ROLES.filter((r) => r.kind === 'worker')) {
      const fn = logicalIdOf(role.name);
      const rule = rules.find((r) => JSON.stringify(r.Properties.Targets).includes(`"${fn}"`));
      expect(rule, role.name).toBeDefined();
      expect(rule!.Properties.ScheduleExpression).toBe('rate(1 minute)');
    }
    const permissions = resources(functions, 'AWS::Lambda::Permission');
    for (const service of SERVICES) {
      const fn = logicalIdOf(service.name);
      const permission = permissions.find((p) => JSON.stringify(p.Properties.FunctionName).includes(`"${fn}"`));
      expect(permission?.Properties.Principal, service.name).toBe('apigateway.amazonaws.com');
    }
  });

  it('names secrets to the functions, to be read at the cold start, rather than writing them', () => {
    for (const role of ROLES.filter((r) => r.kind !== 'gateway')) {
      const variables = functionFor(role.name)!.Properties.Environment.Variables as Record<string, unknown>;
      expect(
        Object.keys(variables).filter((n) => /PASSWORD|SEAL_KEY|SMTP_URL/.test(n)),
        role.name,
      ).toEqual([]);
      const named = JSON.stringify(variables.STARLING_SECRETS);
      expect(named).toContain('PGPASSWORD');
      expect(named).toContain('#password');
      expect(named).toContain('MAIL_SEAL_KEY');
      // Functions take the client's address from API Gateway, not from a header anyone may send.
      expect(variables.TRUST_PROXY, role.name).toBe('false');
    }
  });

  it('routes every operation of every contract to the function of the service that serves it', () => {
    const body = resources(functions, 'AWS::ApiGatewayV2::Api')[0]!.Properties.Body;
    expect(body.openapi).toBe('3.0.1');
    const misrouted: string[] = [];
    let operations = 0;
    for (const service of SERVICES) {
      const contract = contractOf(service);
      for (const [path, item] of Object.entries(contract.paths ?? {})) {
        for (const method of METHODS) {
          const operation = (item as Record<string, Json>)[method];
          // One only apps' tokens reach shares its route with Starling's own, which API Gateway cannot tell apart.
          if (!operation || operation[CALLERS] === 'apps') continue;
          operations += 1;
          const integration = body.paths[path]?.[method]?.[INTEGRATION];
          const target = JSON.stringify(integration?.uri ?? null);
          if (!target.includes(`function:${STACK}-${service.name}"`) || integration.payloadFormatVersion !== '2.0') {
            misrouted.push(`${method.toUpperCase()} ${path} → ${target}`);
          }
        }
      }
    }
    expect(operations).toBeGreaterThan(100);
    expect(misrouted).toEqual([]);
  });

  it('sends an unknown path under an API version, and its own prefixes, to the services', () => {
    const paths = resources(functions, 'AWS::ApiGatewayV2::Api')[0]!.Properties.Body.paths;
    const target = (path: string) =>
      JSON.stringify(paths[path]?.['x-amazon-apigateway-any-method']?.[INTEGRATION]?.uri);
    expect(target('/api/v1/{proxy+}')).toContain(`function:${STACK}-identity"`);
    expect(target('/api/v2/{proxy+}')).toContain(`function:${STACK}-identity"`);
    expect(target('/api/v2/tweets/{proxy+}')).toContain(`function:${STACK}-tweets"`);
    expect(target('/api/v1/users/{id}/follow')).toContain(`function:${STACK}-graph"`);
  });

  it('knows which operations are live streams, which a function refuses', () => {
    const timeline = contractOf(SERVICES.find((s) => s.name === 'timeline')!);
    expect(isLive(timeline, timeline.paths['/api/v2/streaming/home'].get)).toBe(true);
    expect(isLive(timeline, timeline.paths['/api/v2/timelines/public'].get)).toBe(false);
  });

  it('has the alarms of the Prometheus alerts, on API Gateway and every function', () => {
    const names = alarmNames(functions);
    for (const alert of [
      ALERTS.highErrorRate,
      ALERTS.slowRoute,
      ALERTS.projectionLagHigh,
      ALERTS.relayLagHigh,
      ALERTS.busDisconnected,
    ]) {
      expect(names).toContain(`${STACK}-${alert}`);
    }
    for (const role of ROLES.filter((r) => r.kind !== 'gateway')) {
      expect(names).toContain(`${STACK}-${ALERTS.notReady}-${role.name}`);
    }
    expect(JSON.stringify(alarmNamed(functions, ALERTS.highErrorRate))).toContain('AWS/ApiGateway');
  });
});

describe.each([
  ['containers', () => containers],
  ['functions', () => functions],
])('deploy/aws (%s): data is private and encrypted', (_, template) => {
  it('keeps the database private, encrypted and TLS-only, open to Starling processes alone', () => {
    template().hasResourceProperties('AWS::RDS::DBInstance', {
      PubliclyAccessible: false,
      StorageEncrypted: true,
      Engine: 'postgres',
    });
    template().hasResourceProperties('AWS::RDS::DBParameterGroup', { Parameters: { 'rds.force_ssl': '1' } });
    // Whatever may reach the database's security group: Starling's processes, no address range.
    const database = resources(template(), 'AWS::RDS::DBInstance')[0]!;
    const groups = (database.Properties.VPCSecurityGroups as Array<{ 'Fn::GetAtt': [string, string] }>).map(
      (g) => g['Fn::GetAtt'][0],
    );
    expect(groups).toHaveLength(1);
    const inline = template().toJSON().Resources[groups[0]!].Properties.SecurityGroupIngress ?? [];
    const separate = resources(template(), 'AWS::EC2::SecurityGroupIngress')
      .map((r) => r.Properties)
      .filter((rule) => JSON.stringify(rule.GroupId).includes(groups[0]!));
    const rules = [...inline, ...separate];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.CidrIp, 'no address range may reach the database').toBeUndefined();
      expect(JSON.stringify(rule.SourceSecurityGroupId)).toContain('FoundationProcesses');
    }
    // Its subnets have no route to the internet.
    const subnets = JSON.stringify(resources(template(), 'AWS::RDS::DBSubnetGroup')[0]!.Properties.SubnetIds);
    expect(subnets).toContain('dataSubnet');
  });

  it('keeps the media bucket private and encrypted, its converted files served by CloudFront alone', () => {
    template().hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
    const statements = resources(template(), 'AWS::S3::BucketPolicy').flatMap(
      (p) => p.Properties.PolicyDocument.Statement as Array<Record<string, Json>>,
    );
    for (const s of statements.filter((s) => s.Effect === 'Allow')) {
      expect(s.Principal, 'only CloudFront may read').toEqual({ Service: 'cloudfront.amazonaws.com' });
      expect(s.Condition?.StringEquals?.['AWS:SourceArn']).toBeDefined();
    }
    // And HTTPS only.
    expect(statements.some((s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false')).toBe(
      true,
    );
    template().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
      }),
    });
  });

  it('encrypts the event streams at rest and in transit, and makes the seal key a secret', () => {
    template().hasResourceProperties('AWS::EFS::FileSystem', { Encrypted: true });
    template().hasResourceProperties('AWS::ECS::TaskDefinition', {
      Volumes: [Match.objectLike({ EFSVolumeConfiguration: Match.objectLike({ TransitEncryption: 'ENABLED' }) })],
    });
    template().hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: 43, ExcludePunctuation: true }),
    });
  });

  it('sends every alarm to the alarm topic', () => {
    const alarms = resources(template(), 'AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThan(10);
    for (const alarm of alarms) expect(JSON.stringify(alarm.Properties.AlarmActions)).toContain('AlarmsTopic');
    const names = alarmNames(template());
    for (const alert of [ALERTS.deadLetters, ALERTS.redeliveries, ALERTS.mailFailing, ALERTS.webhooksFailing]) {
      expect(names).toContain(`${STACK}-${alert}`);
    }
    expect(names).toContain(`${STACK}-${DATABASE_ALARMS.cpu}`);
    expect(names).toContain(`${STACK}-${DATABASE_ALARMS.storage}`);
  });
});

describe('deploy/aws: the alarms and the Prometheus alerts', () => {
  it('are named after alerts of deploy/prometheus/rules, whose runbooks they point at', () => {
    const rules = parse(readFileSync(join(ROOT, 'deploy/prometheus/rules/alerts.yml'), 'utf8')) as {
      groups: Array<{ rules: Array<{ alert?: string }> }>;
    };
    const alerts = rules.groups.flatMap((g) => g.rules.map((r) => r.alert)).filter(Boolean);
    expect(Object.values(ALERTS).filter((a) => !alerts.includes(a))).toEqual([]);
    const guide = readFileSync(join(ROOT, 'docs/operations.md'), 'utf8');
    for (const template of [containers, functions]) {
      for (const alarm of resources(template, 'AWS::CloudWatch::Alarm')) {
        const runbook = /Runbook: docs\/operations\.md#(\w+)/.exec(alarm.Properties.AlarmDescription)?.[1];
        expect(runbook, alarm.Properties.AlarmName).toBeDefined();
        const known = [...Object.values(ALERTS), ...Object.values(DATABASE_ALARMS)].map((a) => a.toLowerCase());
        expect(known).toContain(runbook);
        expect(guide.toLowerCase(), runbook).toMatch(new RegExp(`^#+ ${runbook}$`, 'm'));
      }
    }
  });
});

describe('deploy/aws: the log lines the alarms count', () => {
  /** Every TypeScript source of the services, packages and apps: where log lines are written. */
  const sources = () =>
    ['packages', 'services', 'apps/cli']
      .flatMap((dir) =>
        (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
          .filter((f) => f.endsWith('.ts') && f.includes('src/') && !f.includes('node_modules'))
          .map((f) => readFileSync(join(ROOT, dir, f), 'utf8')),
      )
      .join('\n');

  it('are lines Starling writes, word for word', () => {
    const code = sources();
    const patterns = [containers, functions].flatMap((t) =>
      resources(t, 'AWS::Logs::MetricFilter').map((f) => f.Properties.FilterPattern as string),
    );
    const messages = new Set(patterns.flatMap((p) => [...p.matchAll(/\$\.msg = "([^"]+)"/g)].map((m) => m[1]!)));
    expect(messages.size).toBeGreaterThanOrEqual(8);
    const unknown = [...messages].filter((m) => !code.includes(m.replace(/\*$/, '')));
    expect(unknown).toEqual([]);
  });
});

describe('deploy/aws settings', () => {
  it('refuses a setting it does not know how to deploy, naming it', () => {
    const app = new App({ context: { compute: 'kubernetes' } });
    expect(() => settingsFrom(app.node)).toThrow(/compute must be one of: fargate, lambda/);
    const bad = new App({ context: { publicUrl: 'starling.example.com' } });
    expect(() => settingsFrom(bad.node)).toThrow(/publicUrl/);
  });

  it('runs the workers as the APIs run unless told otherwise', () => {
    expect(settingsFrom(new App({ context: { compute: 'lambda' } }).node).workers).toBe('lambda');
    expect(settingsFrom(new App({ context: { compute: 'lambda', workers: 'fargate' } }).node).workers).toBe('fargate');
  });
});

const alarmNames = (template: Template) =>
  resources(template, 'AWS::CloudWatch::Alarm').map((a) => a.Properties.AlarmName as string);
const alarmNamed = (template: Template, alert: string) =>
  resources(template, 'AWS::CloudWatch::Alarm').find((a) => a.Properties.AlarmName === `${STACK}-${alert}`);
