import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { StarlingSettings } from './settings.js';

/** The database name and user; the password is generated into Secrets Manager. */
export const DATABASE = { name: 'starling', user: 'starling' } as const;

/**
 * What every way of running Starling on AWS stands on: the network, PostgreSQL, the
 * secrets, and the bucket its media is kept in with a CDN in front.
 */
export class Foundation extends Construct {
  readonly vpc: ec2.Vpc;
  /** Every Starling process (task or function): the database and NATS let it in, and nothing else. */
  readonly processes: ec2.SecurityGroup;
  readonly database: rds.DatabaseInstance;
  /** The database's credentials (`username`, `password`, …), generated, as JSON. */
  readonly databaseSecret: secretsmanager.ISecret;
  /** MAIL_SEAL_KEY: 32 random bytes, base64url (43 characters), the same for every process. */
  readonly mailSealKey: secretsmanager.Secret;
  /** SMTP_URL, when the operator keeps one in Secrets Manager. */
  readonly smtp?: secretsmanager.ISecret;
  readonly media: s3.Bucket;
  readonly mediaCdn: cloudfront.Distribution;

  constructor(scope: Construct, id: string, settings: StarlingSettings) {
    super(scope, id);
    this.vpc = new ec2.Vpc(this, 'Network', {
      maxAzs: 2,
      // One NAT gateway: the processes call out (SMTP, webhooks, Secrets Manager) but take nothing in.
      natGateways: 1,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'processes', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } },
    });
    this.processes = new ec2.SecurityGroup(this, 'Processes', {
      vpc: this.vpc,
      description: 'Starling processes: tasks and functions',
    });
    // Behind the gateway, the services answer each other and the gateway on port 3000.
    this.processes.addIngressRule(this.processes, ec2.Port.tcp(3000), 'Starling processes call each other');

    this.database = new rds.DatabaseInstance(this, 'Database', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      instanceType: new ec2.InstanceType(settings.databaseInstanceType),
      vpc: this.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      publiclyAccessible: false,
      credentials: rds.Credentials.fromGeneratedSecret(DATABASE.user),
      databaseName: DATABASE.name,
      storageEncrypted: true,
      allocatedStorage: 20,
      maxAllocatedStorage: 200,
      multiAz: settings.multiAz,
      backupRetention: Duration.days(7),
      deletionProtection: settings.deletionProtection,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      cloudwatchLogsExports: ['postgresql'],
      // Connections are TLS only (the client asks with sslmode).
      parameters: { 'rds.force_ssl': '1' },
    });
    this.database.connections.allowDefaultPortFrom(this.processes, 'Starling processes');
    this.databaseSecret = this.database.secret!;

    this.mailSealKey = new secretsmanager.Secret(this, 'MailSealKey', {
      description: 'MAIL_SEAL_KEY: seals mailed links on the bus; every Starling process has the same',
      // 43 characters of A-Za-z0-9 are 32 bytes of base64url, as MAIL_SEAL_KEY must be.
      generateSecretString: { passwordLength: 43, excludePunctuation: true, includeSpace: false },
    });
    if (settings.smtpSecretArn) {
      this.smtp = secretsmanager.Secret.fromSecretCompleteArn(this, 'Smtp', settings.smtpSecretArn);
    }

    this.media = new s3.Bucket(this, 'Media', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // People's pictures outlive the stack: destroy.sh says where the bucket is.
      removalPolicy: RemovalPolicy.RETAIN,
      // Browsers post uploads straight to the bucket (a presigned POST from the media service).
      cors: [
        {
          allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.PUT],
          allowedOrigins: [settings.publicUrl ?? '*'],
          allowedHeaders: ['*'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    });
    // Only the converted files (files/…) are for everyone; an upload before its
    // conversion still has its metadata, and stays private.
    const onlyFiles = new cloudfront.Function(this, 'OnlyFiles', {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Serves files/… only: uploads not yet converted stay private',
      code: cloudfront.FunctionCode.fromInline(
        "function handler(event) { if (event.request.uri.indexOf('/files/') === 0) return event.request; return { statusCode: 404, statusDescription: 'Not Found' }; }",
      ),
    });
    this.mediaCdn = new cloudfront.Distribution(this, 'MediaCdn', {
      comment: `${Stack.of(this).stackName} media`,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.media),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        functionAssociations: [{ function: onlyFiles, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
    });
  }

  /** DATABASE_URL without the password, which each process gets as PGPASSWORD from the secret. */
  get databaseUrl(): string {
    const { dbInstanceEndpointAddress: host, dbInstanceEndpointPort: port } = this.database;
    // TLS, as the server requires; RDS's certificate authority is not in Node's store, so it is not verified.
    return `postgres://${DATABASE.user}@${host}:${port}/${DATABASE.name}?sslmode=no-verify`;
  }

  get mediaUrl(): string {
    return `https://${this.mediaCdn.distributionDomainName}`;
  }
}
