import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ada, json, problem, serverWith } from './support/fake-server.js';
import { renderApp } from './support/render-app.js';

describe('logging in', () => {
  it('says the credentials are wrong and keeps the username', async () => {
    const server = serverWith({ user: null }).on('POST /api/v1/auth/login', () =>
      problem(401, 'Wrong username or password.'),
    );
    const { user } = renderApp('/login', server);
    await user.type(await screen.findByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(/^Invalid username or password$/);
    expect(screen.getByLabelText('Username')).toHaveValue('ada');
    expect(screen.getByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument();
  });

  it('says how long to wait when there were too many attempts', async () => {
    const server = serverWith({ user: null }).on('POST /api/v1/auth/login', () =>
      problem(429, 'Too many login attempts.', undefined, { 'retry-after': '42' }),
    );
    const { user } = renderApp('/login', server);
    await user.type(await screen.findByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'guess');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts, try again in 42 seconds');
  });

  it('links to signing up', async () => {
    renderApp('/login', serverWith({ user: null }));
    expect(await screen.findByRole('link', { name: 'Create an account' })).toHaveAttribute('href', '/signup');
  });

  it('returns to the page that asked for a login', async () => {
    let loggedIn = false;
    const server = serverWith({ user: null })
      .on('POST /api/v1/auth/login', () => {
        loggedIn = true;
        return json({ access_token: 'x', token_type: 'Bearer', expires_in: 900 });
      })
      .on('GET /api/v1/auth/me', () => (loggedIn ? json(ada, { headers: { etag: '"v1"' } }) : problem(401, 'No.')));
    const { user } = renderApp('/profile', server);
    await user.type(await screen.findByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Profile' })).toBeInTheDocument();
  });
});
