import { ConfigError, loadSettings, type Environment, publicUrl } from '@starling/kit';
import { z } from 'zod';

/** GitHub signs in with OAuth 2 only (no OpenID Connect): named by this issuer, it is special-cased. */
export const GITHUB_ISSUER = 'https://github.com';

const provider = z.object({
  /** In URLs (`/api/v1/auth/oidc/{id}`) and in the log: lower case, stable. */
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be 1 to 40 lower-case letters, digits, - or _'),
  /** Shown on the buttons: "Continue with {name}". */
  name: z.string().trim().min(1).max(60),
  issuer: z.string().url(),
  client_id: z.string().min(1),
  client_secret: z.string().min(1).optional(),
  scopes: z
    .array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/))
    .min(1)
    .optional(),
});

export type ProviderSettings = Required<Omit<z.infer<typeof provider>, 'client_secret'>> & {
  client_secret?: string | undefined;
  /** GitHub: OAuth 2 with its own user API rather than an ID token. */
  github: boolean;
};

const schema = z.object({
  /** The web app's origin: the redirect URI registered with each provider starts with it. */
  PUBLIC_URL: publicUrl(),
});

export interface ExternalLoginSettings {
  publicUrl: string;
  providers: ProviderSettings[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Plain http only to this machine (a provider run for development or tests): anything else needs TLS. */
export const isLoopback = (url: string) => LOOPBACK.has(new URL(url).hostname);

/**
 * OIDC_PROVIDERS (a JSON list of `{id, name, issuer, client_id, client_secret, scopes}`)
 * and PUBLIC_URL. A bad list stops the process with a message that names the entry and
 * field, never the value: it holds client secrets.
 */
export function externalLoginSettings(env: Environment): ExternalLoginSettings {
  const { PUBLIC_URL } = loadSettings(schema, env);
  const raw = env.OIDC_PROVIDERS?.trim();
  if (!raw) return { publicUrl: PUBLIC_URL, providers: [] };
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    throw new ConfigError('Invalid environment variable OIDC_PROVIDERS: must be a JSON list of providers');
  }
  const parsed = z.array(provider).safeParse(list);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [entry, ...field] = issue.path;
    const where = `entry ${String(entry ?? '')}${field.length ? `, field ${field.join('.')}` : ''}`;
    throw new ConfigError(`Invalid environment variable OIDC_PROVIDERS: ${where} ${issue.message}`);
  }
  const providers = parsed.data.map((p): ProviderSettings => {
    const github = p.issuer.replace(/\/+$/, '') === GITHUB_ISSUER;
    if (new URL(p.issuer).protocol !== 'https:' && !isLoopback(p.issuer)) {
      throw new ConfigError(`Invalid environment variable OIDC_PROVIDERS: ${p.id}.issuer must be an https:// URL`);
    }
    return {
      ...p,
      github,
      scopes: p.scopes ?? (github ? ['read:user', 'user:email'] : ['openid', 'email', 'profile']),
    };
  });
  const ids = providers.map((p) => p.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new ConfigError(`Invalid environment variable OIDC_PROVIDERS: the id ${twice} is used twice`);
  return { publicUrl: PUBLIC_URL, providers };
}
