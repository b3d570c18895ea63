import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { urlVariable, type RoleEntry } from '@starling/cli/topology';
import type { Foundation } from './foundation.js';

/** Where a role's process finds what it needs, as the stack knows it. */
export interface Surroundings {
  foundation: Foundation;
  natsUrl: string;
  publicUrl: string;
  /** Where a service's API answers (its `<NAME>_URL`): a Cloud Map name, or the API's URL for functions. */
  serviceUrl: (service: string) => string;
  /** Functions take the client's address from API Gateway; tasks behind the gateway trust its X-Forwarded-For. */
  trustProxy: boolean;
  /** Connections per pool (a process keeps one per schema it uses): functions keep few, there are many of them. */
  poolSize: number;
  /** Seconds between a worker's backlog lines (for the lag alarms); 0 for none. */
  lagReportSeconds: number;
}

/** A variable whose value is (a field of) a Secrets Manager secret, never written into the template. */
export interface SecretVariable {
  secret: secretsmanager.ISecret;
  field?: string;
}

export interface RoleEnvironment {
  variables: Record<string, string>;
  secrets: Record<string, SecretVariable>;
}

/**
 * A role's environment, from what the topology says it needs and calls (the same as
 * deploy/compose.yaml gives it): the database and NATS, object storage, mail, and the
 * `<NAME>_URL` of every service it calls.
 */
export function roleEnvironment(role: RoleEntry, around: Surroundings): RoleEnvironment {
  const { foundation } = around;
  const variables: Record<string, string> = { LOG_LEVEL: 'info', PUBLIC_URL: around.publicUrl };
  const secrets: Record<string, SecretVariable> = {};
  for (const service of role.calls) variables[urlVariable(service)] = around.serviceUrl(service);
  if (role.kind === 'gateway') return { variables: { ...variables, TRUST_PROXY: 'true' }, secrets };

  Object.assign(variables, {
    DATABASE_URL: foundation.databaseUrl,
    DATABASE_POOL_SIZE: String(around.poolSize),
    NATS_URL: around.natsUrl,
    TRUST_PROXY: String(around.trustProxy),
  });
  secrets.PGPASSWORD = { secret: foundation.databaseSecret, field: 'password' };
  secrets.MAIL_SEAL_KEY = { secret: foundation.mailSealKey };
  if (role.needs.includes('object-storage')) {
    Object.assign(variables, {
      S3_BUCKET: foundation.media.bucketName,
      S3_REGION: foundation.media.stack.region,
      MEDIA_PUBLIC_URL: foundation.mediaUrl,
    });
  }
  if (role.needs.includes('mail') && foundation.smtp) secrets.SMTP_URL = { secret: foundation.smtp };
  if (role.kind === 'worker' && around.lagReportSeconds > 0) {
    variables.LAG_REPORT_SECONDS = String(around.lagReportSeconds);
  }
  return { variables, secrets };
}
