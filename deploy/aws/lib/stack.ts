import { fileURLToPath } from 'node:url';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as ecrAssets from 'aws-cdk-lib/aws-ecr-assets';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { ROLES, type RoleEntry } from '@starling/cli/topology';
import type { Construct } from 'constructs';
import { StarlingAlarms } from './alarms.js';
import { NatsBus } from './bus.js';
import { ContainerRoles } from './containers.js';
import { roleEnvironment, type Surroundings } from './environment.js';
import { Foundation } from './foundation.js';
import { FunctionRoles } from './functions.js';
import type { StarlingSettings } from './settings.js';

/** The repository: the image is built from its Dockerfile, with .dockerignore's context. */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** Where the APIs find each other and NATS by name (Cloud Map). */
export const NAMESPACE = 'starling.internal';

export interface StarlingStackProps extends StackProps {
  settings: StarlingSettings;
}

/**
 * Starling on AWS: one stack with everything, every role of the topology
 * (apps/cli/src/topology.ts) as an ECS Fargate service or a Lambda function, as the
 * settings choose (settings.ts).
 */
export class StarlingStack extends Stack {
  readonly foundation: Foundation;
  readonly containers?: ContainerRoles;
  readonly functions?: FunctionRoles;
  readonly alarms: StarlingAlarms;

  constructor(scope: Construct, id: string, props: StarlingStackProps) {
    super(scope, id, props);
    const { settings } = props;
    this.foundation = new Foundation(this, 'Foundation', settings);
    const cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: this.foundation.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
      defaultCloudMapNamespace: { name: NAMESPACE, vpc: this.foundation.vpc },
    });
    const bus = new NatsBus(this, 'Bus', { cluster, foundation: this.foundation });

    const runsAs = (role: RoleEntry) => (role.kind === 'worker' ? settings.workers : settings.compute);
    // API Gateway is the edge of the functions: the gateway role runs only in containers.
    const containerRoles = ROLES.filter((r) => runsAs(r) === 'fargate');
    const functionRoles = ROLES.filter((r) => runsAs(r) === 'lambda' && r.kind !== 'gateway');

    const functionsProps = {
      foundation: this.foundation,
      roles: functionRoles,
      image: new ecrAssets.DockerImageAsset(this, 'FunctionImage', {
        directory: ROOT,
        target: 'lambda',
        platform: ecrAssets.Platform.LINUX_AMD64,
      }),
    };
    const functions = functionRoles.length ? new FunctionRoles(this, 'Functions', functionsProps) : undefined;
    // The edge of the containers: internet-facing, in front of the gateway.
    const loadBalancer = containerRoles.some((r) => r.kind === 'gateway')
      ? new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
          vpc: this.foundation.vpc,
          internetFacing: true,
          dropInvalidHeaderFields: true,
        })
      : undefined;
    const edgeUrl =
      settings.publicUrl ??
      (loadBalancer
        ? `${settings.certificateArn ? 'https' : 'http'}://${loadBalancer.loadBalancerDnsName}`
        : functions!.apiUrl);
    const around = (kind: 'fargate' | 'lambda'): Surroundings => ({
      foundation: this.foundation,
      natsUrl: bus.url,
      publicUrl: edgeUrl,
      // Tasks find the APIs by name; functions through the API, as any client.
      serviceUrl:
        settings.compute === 'fargate' ? (service) => `http://${service}.${NAMESPACE}:3000` : () => functions!.apiUrl,
      trustProxy: kind === 'fargate',
      poolSize: kind === 'fargate' ? 5 : 2,
      // Functions log the line at the end of each run; containers every minute.
      lagReportSeconds: kind === 'fargate' ? 60 : 0,
    });

    if (containerRoles.length) {
      const image = settings.image
        ? ecs.ContainerImage.fromRegistry(settings.image, {
            ...(settings.imagePullSecretArn
              ? {
                  credentials: secretsmanager.Secret.fromSecretCompleteArn(
                    this,
                    'ImagePullSecret',
                    settings.imagePullSecretArn,
                  ),
                }
              : {}),
          })
        : ecs.ContainerImage.fromDockerImageAsset(
            new ecrAssets.DockerImageAsset(this, 'Image', {
              directory: ROOT,
              target: 'runtime',
              platform: ecrAssets.Platform.LINUX_AMD64,
            }),
          );
      this.containers = new ContainerRoles(this, 'Containers', {
        cluster,
        foundation: this.foundation,
        image,
        roles: containerRoles,
        environment: (role) => roleEnvironment(role, around('fargate')),
        settings,
        ...(loadBalancer ? { loadBalancer } : {}),
      });
    }
    if (functions) {
      functions.addFunctions(functionsProps, (role) => roleEnvironment(role, around('lambda')));
      this.functions = functions;
    }

    this.alarms = new StarlingAlarms(this, 'Alarms', {
      foundation: this.foundation,
      ...(this.containers ? { containers: this.containers } : {}),
      ...(this.functions ? { functions: this.functions } : {}),
      bus: bus.service,
      cluster,
      ...(settings.alarmEmail ? { alarmEmail: settings.alarmEmail } : {}),
    });

    new CfnOutput(this, 'Url', { value: edgeUrl, description: 'Where Starling answers' });
    new CfnOutput(this, 'MediaUrl', { value: this.foundation.mediaUrl, description: 'The media CDN' });
    new CfnOutput(this, 'MediaBucket', {
      value: this.foundation.media.bucketName,
      description: 'Kept when the stack is destroyed',
    });
    new CfnOutput(this, 'AlarmTopic', {
      value: this.alarms.topic.topicArn,
      description: 'Subscribe to be told of alarms',
    });
  }
}
