import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Foundation } from './foundation.js';

/** The NATS image compose runs too. */
export const NATS_IMAGE = 'nats:2.10-alpine';
const CLIENT_PORT = 4222;

/**
 * The event bus: NATS with JetStream as one ECS Fargate task, its streams on an
 * encrypted EFS file system so that a restarted task finds them. The same bus as every
 * other deployment, for containers and functions alike (docs/operations.md says why
 * not SQS or EventBridge). Only Starling's processes may connect.
 */
export class NatsBus extends Construct {
  /** NATS_URL, by its Cloud Map name. */
  readonly url: string;
  readonly service: ecs.FargateService;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: { cluster: ecs.Cluster; foundation: Foundation }) {
    super(scope, id);
    const { cluster, foundation } = props;
    const storage = new efs.FileSystem(this, 'Streams', {
      vpc: foundation.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      encrypted: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const task = new ecs.FargateTaskDefinition(this, 'Task', { cpu: 512, memoryLimitMiB: 1024 });
    task.addVolume({
      name: 'jetstream',
      efsVolumeConfiguration: {
        fileSystemId: storage.fileSystemId,
        transitEncryption: 'ENABLED',
        authorizationConfig: { iam: 'ENABLED' },
      },
    });
    storage.grantReadWrite(task.taskRole);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const nats = task.addContainer('nats', {
      image: ecs.ContainerImage.fromRegistry(NATS_IMAGE),
      command: ['-js', '-sd', '/data', '-m', '8222'],
      portMappings: [{ containerPort: CLIENT_PORT, name: 'client' }],
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: 'nats' }),
      healthCheck: {
        command: ['CMD', 'wget', '-q', '-O', '/dev/null', 'http://127.0.0.1:8222/healthz?js-enabled-only=true'],
      },
    });
    nats.addMountPoints({ sourceVolume: 'jetstream', containerPath: '/data', readOnly: false });

    const group = new ec2.SecurityGroup(this, 'Clients', {
      vpc: foundation.vpc,
      description: 'NATS: Starling processes only',
    });
    group.addIngressRule(foundation.processes, ec2.Port.tcp(CLIENT_PORT), 'Starling processes');
    this.service = new ecs.FargateService(this, 'Service', {
      cluster,
      taskDefinition: task,
      desiredCount: 1,
      // One server on one store: the old task stops before the new one starts.
      minHealthyPercent: 0,
      maxHealthyPercent: 100,
      securityGroups: [group],
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      cloudMapOptions: { name: 'nats' },
      circuitBreaker: { rollback: true },
    });
    storage.connections.allowDefaultPortFrom(this.service);
    this.url = `nats://nats.${cluster.defaultCloudMapNamespace!.namespaceName}:${CLIENT_PORT}`;
  }
}
