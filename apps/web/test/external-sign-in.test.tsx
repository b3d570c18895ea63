import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ada, json, problem, serverWith } from './support/fake-server.js';
import { renderApp } from './support/render-app.js';

const providers = [
  { id: 'google', name: 'Google' },
  { id: 'keycloak', name: 'Company SSO' },
];

describe('signing in with an external provider', () => {
  it('offers "Continue with …" for each configured provider on the login and sign-up pages', async () => {
    const server = serverWith({ user: null }).on('GET /api/v1/auth/providers', () => json(providers));
    renderApp('/login', server);
    expect(await screen.findByRole('link', { name: 'Continue with Google' })).toHaveAttribute(
      'href',
      '/api/v1/auth/oidc/google',
    );
    expect(screen.getByRole('link', { name: 'Continue with Company SSO' })).toHaveAttribute(
      'href',
      '/api/v1/auth/oidc/keycloak',
    );
  });

  it('offers them on the sign-up page too', async () => {
    renderApp(
      '/signup',
      serverWith({ user: null }).on('GET /api/v1/auth/providers', () => json(providers)),
    );
    expect(await screen.findByRole('link', { name: 'Continue with Google' })).toBeInTheDocument();
  });

  it('shows nothing of it when no provider is configured', async () => {
    renderApp(
      '/login',
      serverWith({ user: null }).on('GET /api/v1/auth/providers', () => json([])),
    );
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^Continue with/ })).not.toBeInTheDocument();
  });

  it('says why a refused sign-in came back to the login page', async () => {
    renderApp('/login?error=email_in_use', serverWith({ user: null }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/already uses the email address/);
  });
});

describe('the settings page’s sign-in methods', () => {
  it('lists linked providers with Unlink, offers to link the others, and says why the last one stays', async () => {
    const server = serverWith({ user: ada })
      .on('GET /api/v1/auth/providers', () => json(providers))
      .on('GET /api/v1/auth/identities', () =>
        json({
          has_password: false,
          identities: [
            {
              id: 'i1',
              provider: 'google',
              provider_name: 'Google',
              email: 'ada@gmail.test',
              linked_at: '2026-12-06T00:00:00Z',
            },
          ],
        }),
      )
      .on('DELETE /api/v1/auth/identities/i1', () =>
        problem(409, 'This is the only way to sign in to your account: set a password first.'),
      );
    const { user } = renderApp('/settings', server);
    expect(await screen.findByRole('heading', { name: 'Sign-in methods' })).toBeInTheDocument();
    expect(screen.getByText('Google (ada@gmail.test)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Set a password' })).toHaveAttribute('href', '/forgot-password');
    expect(screen.getByRole('link', { name: 'Link Company SSO' })).toHaveAttribute(
      'href',
      '/api/v1/auth/oidc/keycloak?link=true',
    );
    expect(screen.queryByRole('link', { name: 'Link Google' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Unlink Google' }));
    expect(await screen.findByText(/only way to sign in/)).toHaveAttribute('role', 'alert');
  });
});
