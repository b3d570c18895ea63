import { ConfigError } from '@starling/kit';
import { describe, expect, it } from 'vitest';
import { githubProfile } from '../../src/infra/oidc/github.js';
import { externalLoginSettings } from '../../src/infra/oidc/settings.js';

describe('OIDC_PROVIDERS', () => {
  const google = {
    id: 'google',
    name: 'Google',
    issuer: 'https://accounts.google.com',
    client_id: 'id',
    client_secret: 's3cret-value',
  };

  it('reads the providers, with the usual scopes unless given', () => {
    const github = { id: 'github', name: 'GitHub', issuer: 'https://github.com', client_id: 'gh' };
    const settings = externalLoginSettings({
      OIDC_PROVIDERS: JSON.stringify([google, github]),
      PUBLIC_URL: 'https://starling.example/',
    });
    expect(settings.publicUrl).toBe('https://starling.example');
    expect(settings.providers.map((p) => [p.id, p.github, p.scopes.join(' ')])).toEqual([
      ['google', false, 'openid email profile'],
      ['github', true, 'read:user user:email'],
    ]);
    expect(externalLoginSettings({}).providers).toEqual([]);
  });

  it.each([
    ['not JSON', '{', /JSON list/],
    ['a bad id', JSON.stringify([{ ...google, id: 'Google!' }]), /entry 0, field id/],
    ['no client id', JSON.stringify([{ ...google, client_id: undefined }]), /entry 0, field client_id/],
    ['plain http to another host', JSON.stringify([{ ...google, issuer: 'http://idp.example' }]), /https/],
    ['an id used twice', JSON.stringify([google, google]), /used twice/],
  ])('stops on %s, naming the entry and never a secret', (_what, value, message) => {
    let error: unknown;
    try {
      externalLoginSettings({ OIDC_PROVIDERS: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('allows plain http to this machine only (a provider run for development)', () => {
    const local = { ...google, issuer: 'http://127.0.0.1:8080/realms/dev' };
    expect(externalLoginSettings({ OIDC_PROVIDERS: JSON.stringify([local]) }).providers).toHaveLength(1);
  });
});

describe('a GitHub account as an external profile', () => {
  const user = { id: 583231, login: 'octocat', name: 'The Octocat', email: 'public@octo.test' };

  it('takes the verified primary address as verified, and the numeric id as subject', () => {
    const emails = [
      { email: 'old@octo.test', primary: false, verified: true },
      { email: 'octocat@github.test', primary: true, verified: true },
    ];
    expect(githubProfile('github', user, emails)).toEqual({
      provider: 'github',
      subject: '583231',
      email: 'octocat@github.test',
      emailVerified: true,
      preferredUsername: 'octocat',
      name: 'The Octocat',
    });
  });

  it('falls back to the public address, unverified, when the primary is unverified or the list is refused', () => {
    const unverified = [{ email: 'octocat@github.test', primary: true, verified: false }];
    expect(githubProfile('github', user, unverified)).toMatchObject({
      email: 'public@octo.test',
      emailVerified: false,
    });
    expect(githubProfile('github', { ...user, email: null, name: null }, undefined)).toMatchObject({
      email: undefined,
      emailVerified: false,
      name: undefined,
    });
  });
});
