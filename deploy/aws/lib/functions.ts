import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecrAssets from 'aws-cdk-lib/aws-ecr-assets';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { apiGatewayDefinition, SECRETS_VARIABLE, starlingApiRoutes, STOP_MARGIN_MS } from '@starling/cli/lambda';
import type { RoleEntry } from '@starling/cli/topology';
import { Construct } from 'constructs';
import type { RoleEnvironment } from './environment.js';
import type { Foundation } from './foundation.js';

/** Where a role's handler is in the image (apps/cli/src/lambda/index.ts). */
export const handlerOf = (role: string) => `apps/cli/dist/lambda/index.handlers.${role}`;

/** A worker run: the schedule wakes one every minute; each runs a little longer, so that they overlap. */
export const WORKER_TIMEOUT = Duration.seconds(75);
/** An API call: API Gateway gives up after 29 s. */
export const API_TIMEOUT = Duration.seconds(30);

/**
 * A function's name, fixed so that API Gateway's integrations can name the function
 * without depending on it: the functions depend on the API (its URL is their
 * PUBLIC_URL and IDENTITY_URL), never the other way round.
 */
export const functionName = (stack: Stack, role: string) => `${stack.stackName}-${role}`;

export interface FunctionRolesProps {
  foundation: Foundation;
  /** The image's `lambda` stage: one bundle for every function. */
  image: ecrAssets.DockerImageAsset;
  /** The roles that run as functions: APIs behind API Gateway, workers on a schedule. */
  roles: RoleEntry[];
}

/**
 * Roles as Lambda functions (apps/cli/src/lambda): each service's API behind one HTTP
 * API whose routes come from the services' contracts, each worker woken every minute.
 */
export class FunctionRoles extends Construct {
  readonly functions = new Map<string, lambda.DockerImageFunction>();
  readonly logGroups = new Map<string, logs.LogGroup>();
  readonly api?: apigwv2.CfnApi;
  readonly stage?: apigwv2.CfnStage;

  constructor(scope: Construct, id: string, props: FunctionRolesProps) {
    super(scope, id);
    const stack = Stack.of(this);
    if (props.roles.some((r) => r.kind === 'api')) {
      const definition = apiGatewayDefinition(starlingApiRoutes(), {
        title: stack.stackName,
        integrationUri: (service) =>
          stack.formatArn({
            service: 'lambda',
            resource: 'function',
            resourceName: functionName(stack, service),
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
      });
      this.api = new apigwv2.CfnApi(this, 'Api', { body: definition, failOnWarnings: true });
      const accessLog = new logs.LogGroup(this, 'ApiAccessLogs', {
        retention: logs.RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      });
      this.stage = new apigwv2.CfnStage(this, 'Stage', {
        apiId: this.api.ref,
        stageName: '$default',
        autoDeploy: true,
        defaultRouteSettings: { throttlingBurstLimit: 500, throttlingRateLimit: 200 },
        accessLogSettings: {
          destinationArn: accessLog.logGroupArn,
          format: JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            path: '$context.path',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        },
      });
    }
  }

  /** The API's own address (https://….execute-api.….amazonaws.com). */
  get apiUrl(): string {
    if (!this.api) throw new Error('no role runs behind API Gateway');
    return this.api.attrApiEndpoint;
  }

  /** Makes the functions; their environment may name the API (`apiUrl`), made first. */
  addFunctions(props: FunctionRolesProps, environment: (role: RoleEntry) => RoleEnvironment): void {
    const stack = Stack.of(this);
    for (const role of props.roles) {
      const name = functionName(stack, role.name);
      const logGroup = new logs.LogGroup(this, `${role.name}-logs`, {
        logGroupName: `/aws/lambda/${name}`,
        retention: logs.RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      });
      this.logGroups.set(role.name, logGroup);
      const { variables, secrets } = environment(role);
      const fn = new lambda.DockerImageFunction(this, role.name, {
        functionName: name,
        description: `Starling ${role.name} (${role.kind})`,
        code: lambda.DockerImageCode.fromEcr(props.image.repository, {
          tagOrDigest: props.image.imageTag,
          cmd: [handlerOf(role.name)],
        }),
        architecture: lambda.Architecture.X86_64,
        // More memory is more CPU: a cold start compiles the contract's validators.
        memorySize: 1024,
        timeout: role.kind === 'worker' ? WORKER_TIMEOUT : API_TIMEOUT,
        vpc: props.foundation.vpc,
        vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        securityGroups: [props.foundation.processes],
        logGroup,
        environment: {
          ...variables,
          // Read at the cold start (apps/cli/src/lambda/secrets.ts): never a value in the configuration.
          [SECRETS_VARIABLE]: JSON.stringify(
            Object.fromEntries(
              Object.entries(secrets).map(([v, s]) => [
                v,
                s.field ? `${s.secret.secretArn}#${s.field}` : s.secret.secretArn,
              ]),
            ),
          ),
        },
      });
      for (const { secret } of Object.values(secrets)) secret.grantRead(fn);
      if (role.needs.includes('object-storage')) {
        props.foundation.media.grantReadWrite(fn);
        props.foundation.media.grantDelete(fn);
      }
      if (role.kind === 'api') {
        fn.addPermission('FromApi', {
          principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
          sourceArn: stack.formatArn({
            service: 'execute-api',
            resource: this.api!.ref,
            resourceName: '*/*',
            arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
          }),
        });
      } else {
        new events.Rule(this, `${role.name}-schedule`, {
          description: `Wakes ${role.name}: each run pulls its queue for up to ${WORKER_TIMEOUT.toSeconds() - STOP_MARGIN_MS / 1000} s`,
          schedule: events.Schedule.rate(Duration.minutes(1)),
          targets: [new targets.LambdaFunction(fn, { retryAttempts: 0 })],
        });
      }
      this.functions.set(role.name, fn);
    }
  }
}
