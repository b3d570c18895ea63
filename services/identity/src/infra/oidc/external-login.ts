import { timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import type { ExternalProfile } from '../../domain/external-identity.js';
import type { IdentityDb } from '../../tables.js';
import { ExternalLoginFailure } from './failure.js';
import { keepFlow, takeFlow } from './flows.js';
import {
  GITHUB_EMAILS_URL,
  GITHUB_ENDPOINTS,
  GITHUB_USER_URL,
  githubProfile,
  type GitHubEmail,
  type GitHubUser,
} from './github.js';
import { isLoopback, type ExternalLoginSettings, type ProviderSettings } from './settings.js';

/** The path a provider sends the browser back to; registered with it after PUBLIC_URL. */
export const callbackPath = (provider: string) => `/api/v1/auth/oidc/${provider}/callback`;

/** What a finished flow proved: who signed in at the provider, and what the flow was for. */
export interface FinishedFlow {
  profile: ExternalProfile;
  linkUserId: string | undefined;
}

/**
 * Sign-in with external providers through openid-client: the authorization code flow
 * with PKCE (S256), `state` and `nonce`, and the ID token checked (issuer, audience,
 * expiry, nonce, signature against the issuer's JWKS). What a flow must remember is
 * kept server-side (flows.ts) and found by its `state`, which the browser also holds in
 * an HttpOnly cookie: a callback is taken only from the browser that started the flow.
 * Each provider's metadata is discovered on first use and kept; a failed discovery is
 * tried again next time.
 */
export class ExternalLogin {
  private readonly configs = new Map<string, Promise<oidc.Configuration>>();

  constructor(
    private readonly settings: ExternalLoginSettings,
    private readonly db: IdentityDb,
  ) {}

  /** The providers to offer, in configured order. */
  list(): Array<{ id: string; name: string }> {
    return this.settings.providers.map(({ id, name }) => ({ id, name }));
  }

  nameOf(providerId: string): string {
    return this.settings.providers.find((p) => p.id === providerId)?.name ?? providerId;
  }

  redirectUri(providerId: string): string {
    return `${this.settings.publicUrl}${callbackPath(providerId)}`;
  }

  /** Starts a flow: where to send the browser, and the state it must bring back. */
  async begin(providerId: string, linkUserId: string | undefined): Promise<{ url: string; state: string }> {
    const provider = this.provider(providerId);
    const config = await this.configOf(provider);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await keepFlow(this.db, state, { provider: provider.id, nonce, codeVerifier, linkUserId });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(provider.id),
      scope: provider.scopes.join(' '),
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      // GitHub has no ID token to carry a nonce back.
      ...(provider.github ? {} : { nonce }),
    });
    return { url: url.href, state };
  }

  /**
   * Finishes a flow from the callback's query and the state cookie: refused unless the
   * state is the browser's own and its flow is live and unused, the code is good (with
   * the flow's PKCE verifier) and the ID token passes every check.
   */
  async finish(providerId: string, query: URLSearchParams, cookieState: string | undefined): Promise<FinishedFlow> {
    const provider = this.provider(providerId);
    const state = query.get('state') ?? '';
    if (!state || !cookieState || !sameText(state, cookieState)) {
      throw new ExternalLoginFailure('invalid_state', 'the state is not the one this browser started with');
    }
    const flow = await takeFlow(this.db, state);
    if (!flow || flow.provider !== provider.id) {
      throw new ExternalLoginFailure('invalid_state', 'no live flow has this state (expired, used or unknown)');
    }
    const config = await this.configOf(provider);
    const currentUrl = new URL(`${this.redirectUri(provider.id)}?${query.toString()}`);
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: state,
        ...(provider.github ? {} : { expectedNonce: flow.nonce, idTokenExpected: true }),
      });
    } catch (error) {
      if (error instanceof oidc.AuthorizationResponseError) {
        throw new ExternalLoginFailure('denied', `the provider answered ${error.error}`);
      }
      throw new ExternalLoginFailure('invalid_response', describe(error));
    }
    const profile = provider.github
      ? await this.githubProfileOf(config, provider, tokens.access_token)
      : await this.oidcProfileOf(config, provider, tokens);
    return { profile, linkUserId: flow.linkUserId };
  }

  private provider(providerId: string): ProviderSettings {
    const provider = this.settings.providers.find((p) => p.id === providerId);
    if (!provider) throw new ExternalLoginFailure('unknown_provider', `no provider ${providerId} is configured`);
    return provider;
  }

  private configOf(provider: ProviderSettings): Promise<oidc.Configuration> {
    let config = this.configs.get(provider.id);
    if (!config) {
      config = this.discover(provider);
      this.configs.set(provider.id, config);
      config.catch(() => this.configs.delete(provider.id));
    }
    return config.catch((error: unknown) => {
      throw new ExternalLoginFailure('provider_unavailable', describe(error));
    });
  }

  private async discover(provider: ProviderSettings): Promise<oidc.Configuration> {
    const auth = provider.client_secret ? oidc.ClientSecretPost(provider.client_secret) : oidc.None();
    if (provider.github) return new oidc.Configuration(GITHUB_ENDPOINTS, provider.client_id, undefined, auth);
    const execute = isLoopback(provider.issuer) ? [oidc.allowInsecureRequests] : [];
    const config = await oidc.discovery(new URL(provider.issuer), provider.client_id, undefined, auth, { execute });
    // The ID token's signature is checked against the issuer's JWKS, not taken on the
    // word of the TLS connection it came over (openid-client's default for the token endpoint).
    oidc.enableNonRepudiationChecks(config);
    return config;
  }

  private async oidcProfileOf(
    config: oidc.Configuration,
    provider: ProviderSettings,
    tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>,
  ): Promise<ExternalProfile> {
    const claims = tokens.claims();
    if (!claims) throw new ExternalLoginFailure('invalid_response', 'the token response has no ID token');
    let info: Record<string, unknown> = claims;
    // Some providers put the email only in the UserInfo answer (for the same subject, checked).
    if (typeof claims.email !== 'string' && config.serverMetadata().userinfo_endpoint) {
      try {
        info = { ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
      } catch (error) {
        throw new ExternalLoginFailure('invalid_response', `userinfo: ${describe(error)}`);
      }
    }
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    return {
      provider: provider.id,
      subject: claims.sub,
      email: text(info.email),
      // Trusted only when the provider says so, in so many words.
      emailVerified: info.email_verified === true,
      preferredUsername: text(info.preferred_username) ?? text(info.nickname),
      name: text(info.name),
    };
  }

  private async githubProfileOf(
    config: oidc.Configuration,
    provider: ProviderSettings,
    accessToken: string,
  ): Promise<ExternalProfile> {
    const get = async <T>(url: string): Promise<T> => {
      const headers = new Headers({ accept: 'application/vnd.github+json' });
      const response = await oidc.fetchProtectedResource(config, accessToken, new URL(url), 'GET', undefined, headers);
      if (!response.ok) throw new ExternalLoginFailure('invalid_response', `${url} answered ${response.status}`);
      return (await response.json()) as T;
    };
    const user = await get<GitHubUser>(GITHUB_USER_URL);
    // Without the user:email scope the list is refused: then only the public address, unverified.
    const emails = await get<GitHubEmail[]>(GITHUB_EMAILS_URL).catch(() => undefined);
    return githubProfile(provider.id, user, emails);
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function describe(error: unknown): string {
  if (error instanceof ExternalLoginFailure) return error.reason;
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${typeof code === 'string' ? `${code}: ` : ''}${error.message}`;
  }
  return String(error);
}
