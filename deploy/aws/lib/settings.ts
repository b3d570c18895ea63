import type { Node } from 'constructs';

/** How the roles run: containers on ECS Fargate, or functions on AWS Lambda. */
export type Compute = 'fargate' | 'lambda';

/**
 * The stack's parameters, from CDK context (`-c compute=lambda`, or cdk.json). Every
 * one has a default that deploys a working Starling; none holds a secret.
 */
export interface StarlingSettings {
  /** The APIs: `fargate` (behind the gateway and an Application Load Balancer) or `lambda` (behind API Gateway). */
  compute: Compute;
  /** The workers: as `compute` unless said otherwise. */
  workers: Compute;
  /** Where people reach Starling (links in mail, OAuth redirects); the load balancer's or API's own URL when unset. */
  publicUrl?: string;
  /** An ACM certificate for the load balancer's HTTPS listener (Fargate); plain HTTP on port 80 without one. */
  certificateArn?: string;
  /** Who is mailed when an alarm fires (an SNS subscription to confirm); the topic alone when unset. */
  alarmEmail?: string;
  /** A Secrets Manager secret holding SMTP_URL (smtps://user:password@host:465); mail goes to the log without it. */
  smtpSecretArn?: string;
  /** The database's instance class. */
  databaseInstanceType: string;
  /** A standby database in a second availability zone. */
  multiAz: boolean;
  /** Refuse to delete the database (destroy.sh turns it off first, keeping a final snapshot). */
  deletionProtection: boolean;
  /**
   * A published image for the containers (STARLING_IMAGE, as CI's deploy gives it), rather
   * than one built from this checkout. Functions are always built here: Lambda runs
   * images from the account's own ECR only.
   */
  image?: string;
  /** A Secrets Manager secret (`username`, `password`) for pulling `image` from a private registry. */
  imagePullSecretArn?: string;
}

const COMPUTE: readonly Compute[] = ['fargate', 'lambda'];

export function settingsFrom(node: Node, env: Record<string, string | undefined> = {}): StarlingSettings {
  const text = (key: string): string | undefined => {
    const value: unknown = node.tryGetContext(key);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') throw new Error(`context ${key} must be a string`);
    return value;
  };
  const flag = (key: string, fallback: boolean): boolean => {
    const value: unknown = node.tryGetContext(key);
    if (value === undefined || value === null || value === '') return fallback;
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    throw new Error(`context ${key} must be true or false`);
  };
  const compute = (key: string, fallback?: Compute): Compute => {
    const value = text(key) ?? fallback;
    if (!COMPUTE.includes(value as Compute)) throw new Error(`context ${key} must be one of: ${COMPUTE.join(', ')}`);
    return value as Compute;
  };
  const apis = compute('compute', 'fargate');
  const publicUrl = text('publicUrl');
  if (publicUrl && !/^https?:\/\/[^/\s]+$/.test(publicUrl)) {
    throw new Error(
      'context publicUrl must be an http(s):// origin without a path, such as https://starling.example.com',
    );
  }
  const arn = (key: string, service: string) => {
    const value = text(key);
    if (value && !new RegExp(`^arn:aws[\\w-]*:${service}:`).test(value))
      throw new Error(`context ${key} must be a ${service} ARN`);
    return value;
  };
  return {
    compute: apis,
    workers: compute('workers', apis),
    ...(publicUrl ? { publicUrl } : {}),
    ...optional('certificateArn', arn('certificateArn', 'acm')),
    ...optional('alarmEmail', text('alarmEmail')),
    ...optional('smtpSecretArn', arn('smtpSecretArn', 'secretsmanager')),
    databaseInstanceType: text('databaseInstanceType') ?? 't4g.medium',
    multiAz: flag('multiAz', false),
    deletionProtection: flag('deletionProtection', true),
    ...optional('image', text('image') ?? (env.STARLING_IMAGE || undefined)),
    ...optional('imagePullSecretArn', arn('imagePullSecretArn', 'secretsmanager')),
  };
}

const optional = <K extends string>(key: K, value: string | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;
