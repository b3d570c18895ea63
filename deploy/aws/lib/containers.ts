import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { RoleEntry, ServiceEntry } from '@starling/cli/topology';
import { Construct } from 'constructs';
import type { RoleEnvironment } from './environment.js';
import type { Foundation } from './foundation.js';
import type { StarlingSettings } from './settings.js';

const PORT = 3000;
/** The image's own health check (Dockerfile): every role answers GET /healthz. */
const HEALTHZ = `fetch('http://127.0.0.1:${PORT}/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`;

export interface ContainerRolesProps {
  cluster: ecs.Cluster;
  foundation: Foundation;
  image: ecs.ContainerImage;
  roles: RoleEntry[];
  environment: (role: RoleEntry) => RoleEnvironment;
  settings: StarlingSettings;
  /** The edge, made beforehand (its address is everyone's PUBLIC_URL); the gateway's tasks go behind it. */
  loadBalancer?: elbv2.ApplicationLoadBalancer;
}

/**
 * Roles as ECS Fargate services, each `starling start <role>` in the image, as in
 * deploy/compose.yaml: the APIs reachable by their Cloud Map names
 * (`http://tweets.starling.internal:3000`), the gateway behind an Application Load
 * Balancer, the workers with no port at all.
 */
export class ContainerRoles extends Construct {
  readonly services = new Map<string, ecs.FargateService>();
  readonly logGroups = new Map<string, logs.LogGroup>();
  readonly loadBalancer?: elbv2.ApplicationLoadBalancer;
  gatewayTargets?: elbv2.ApplicationTargetGroup;

  constructor(scope: Construct, id: string, props: ContainerRolesProps) {
    super(scope, id);
    const { cluster, foundation } = props;
    if (props.loadBalancer) this.loadBalancer = props.loadBalancer;
    for (const role of props.roles) {
      const logGroup = new logs.LogGroup(this, `${role.name}-logs`, {
        logGroupName: `/${Stack.of(this).stackName}/${role.name}`,
        retention: logs.RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      });
      this.logGroups.set(role.name, logGroup);
      const task = new ecs.FargateTaskDefinition(this, `${role.name}-task`, {
        cpu: 512,
        memoryLimitMiB: role.service?.name === 'media' ? 2048 : 1024,
      });
      const { variables, secrets } = props.environment(role);
      task.addContainer('starling', {
        image: props.image,
        command: ['start', role.name],
        environment: variables,
        secrets: Object.fromEntries(
          Object.entries(secrets).map(([name, s]) => [name, ecs.Secret.fromSecretsManager(s.secret, s.field)]),
        ),
        portMappings: role.kind === 'worker' ? [] : [{ containerPort: PORT, name: 'http' }],
        logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: role.name }),
        healthCheck: { command: ['CMD', 'node', '-e', HEALTHZ], startPeriod: Duration.seconds(60) },
        // SIGTERM lets Starling finish in-flight requests (SHUTDOWN_TIMEOUT) before this runs out.
        stopTimeout: Duration.seconds(30),
      });
      if (role.needs.includes('object-storage')) foundation.media.grantReadWrite(task.taskRole);
      if (role.needs.includes('object-storage')) foundation.media.grantDelete(task.taskRole);
      const service = new ecs.FargateService(this, role.name, {
        cluster,
        serviceName: role.name,
        taskDefinition: task,
        desiredCount: replicas(role),
        securityGroups: [foundation.processes],
        vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        ...(role.kind === 'api' ? { cloudMapOptions: { name: role.name } } : {}),
        circuitBreaker: { rollback: true },
        minHealthyPercent: 100,
      });
      this.services.set(role.name, service);
      if (role.kind === 'gateway') this.exposeGateway(service, props);
    }
    if (props.roles.some((r) => r.kind === 'gateway') !== !!this.gatewayTargets) {
      throw new Error('the gateway runs behind the load balancer: give both or neither');
    }
  }

  /** The gateway's tasks behind the load balancer. */
  private exposeGateway(service: ecs.FargateService, props: ContainerRolesProps) {
    const { foundation, settings, loadBalancer } = props;
    if (!loadBalancer) return;
    const targets = new elbv2.ApplicationTargetGroup(this, 'GatewayTargets', {
      vpc: foundation.vpc,
      port: PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: elbv2.TargetType.IP,
      targets: [service],
      healthCheck: { path: '/healthz', healthyHttpCodes: '200' },
      // The gateway finishes its requests on SIGTERM; the load balancer stops sending sooner.
      deregistrationDelay: Duration.seconds(15),
    });
    if (settings.certificateArn) {
      const certificate = acm.Certificate.fromCertificateArn(this, 'Certificate', settings.certificateArn);
      loadBalancer.addListener('Https', {
        port: 443,
        certificates: [certificate],
        sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
        defaultTargetGroups: [targets],
      });
      loadBalancer.addRedirect({ sourcePort: 80, targetPort: 443 });
    } else {
      loadBalancer.addListener('Http', { port: 80, defaultTargetGroups: [targets] });
    }
    this.gatewayTargets = targets;
  }
}

/** The topology's replicas for an API, two gateways so that one may be replaced at a time, one of each worker. */
function replicas(role: RoleEntry): number {
  if (role.kind === 'gateway') return 2;
  if (role.kind === 'api') return (role.service as ServiceEntry).replicas;
  return 1;
}
