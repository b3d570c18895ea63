import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigError } from '@starling/kit';

/**
 * A Lambda function has no way to be handed a secret as ECS hands one to a container,
 * and a secret written into its environment would show in its configuration. So its
 * environment names them instead: STARLING_SECRETS is a JSON object from a variable to
 * a Secrets Manager secret, `<arn>` for the whole value or `<arn>#<field>` for one field
 * of a JSON secret (RDS keeps `password` in one), read once per cold start.
 *
 *   STARLING_SECRETS={"PGPASSWORD":"arn:aws:secretsmanager:…:secret:db#password","MAIL_SEAL_KEY":"arn:…:secret:seal"}
 */
export const SECRETS_VARIABLE = 'STARLING_SECRETS';

/** Reads one secret's whole value. */
export type SecretReader = (secretId: string) => Promise<string>;

/** The environment with each variable STARLING_SECRETS names set to its secret's value. */
export async function withSecrets(
  env: Record<string, string | undefined>,
  read: SecretReader = secretsManager(),
): Promise<Record<string, string | undefined>> {
  const listed = env[SECRETS_VARIABLE];
  if (!listed) return env;
  let wanted: Record<string, string>;
  try {
    wanted = JSON.parse(listed);
  } catch {
    throw new ConfigError(`${SECRETS_VARIABLE} must be a JSON object from variable names to secret ARNs`);
  }
  const values = new Map<string, Promise<string>>();
  const entries = await Promise.all(
    Object.entries(wanted).map(async ([variable, reference]) => {
      const [secretId, field] = String(reference).split('#');
      if (!secretId) throw new ConfigError(`${SECRETS_VARIABLE}: ${variable} names no secret`);
      if (!values.has(secretId)) values.set(secretId, read(secretId));
      const value = await values.get(secretId)!;
      return [variable, field ? fieldOf(value, field, variable) : value] as const;
    }),
  );
  return { ...env, ...Object.fromEntries(entries) };
}

function fieldOf(secret: string, field: string, variable: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(secret);
  } catch {
    parsed = undefined;
  }
  const value = (parsed as Record<string, unknown> | undefined)?.[field];
  // The message names the variable and the field, never the secret's value.
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new ConfigError(`${SECRETS_VARIABLE}: the secret for ${variable} has no field "${field}"`);
  }
  return String(value);
}

/** Reads secrets with the function's own role (the SDK's default credentials). */
function secretsManager(): SecretReader {
  let client: SecretsManagerClient | undefined;
  return async (secretId) => {
    client ??= new SecretsManagerClient({});
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (SecretString === undefined) throw new ConfigError(`the secret ${secretId} holds no text`);
    return SecretString;
  };
}
