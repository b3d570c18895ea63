import type { ExternalProfile } from '../../domain/external-identity.js';

/*
 * GitHub signs in with OAuth 2, not OpenID Connect: there is no discovery document and
 * no ID token. Its endpoints are fixed, and who signed in is read from its REST API
 * with the access token (which is used for that and then dropped).
 */
export const GITHUB_ENDPOINTS = {
  issuer: 'https://github.com',
  authorization_endpoint: 'https://github.com/login/oauth/authorize',
  token_endpoint: 'https://github.com/login/oauth/access_token',
};
export const GITHUB_USER_URL = 'https://api.github.com/user';
export const GITHUB_EMAILS_URL = 'https://api.github.com/user/emails';

/** `GET /user`, the fields used. */
export interface GitHubUser {
  id: number;
  login: string;
  name?: string | null;
  email?: string | null;
}

/** One entry of `GET /user/emails`. */
export interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

/**
 * What a GitHub account tells of its owner. The email is the primary address when
 * GitHub verified it; else the public one, unverified. The subject is the numeric id:
 * a login can be renamed and then taken by someone else.
 */
export function githubProfile(provider: string, user: GitHubUser, emails: GitHubEmail[] | undefined): ExternalProfile {
  const primary = emails?.find((e) => e.primary && e.verified);
  return {
    provider,
    subject: String(user.id),
    email: primary?.email ?? user.email ?? undefined,
    emailVerified: primary !== undefined,
    preferredUsername: user.login,
    name: user.name ?? undefined,
  };
}
