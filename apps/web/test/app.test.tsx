import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ada, json, problem, serverWith } from './support/fake-server.js';
import { renderApp } from './support/render-app.js';

describe('the app shell', () => {
  it('sends a logged-out visitor from home to the login page, with links to log in or sign up', async () => {
    renderApp('/', serverWith({ user: null }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument();
    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('link', { name: 'Starling' })).toHaveAttribute('href', '/');
    expect(within(banner).getByRole('link', { name: 'Log in' })).toBeInTheDocument();
    expect(within(banner).getByRole('link', { name: 'Sign up' })).toBeInTheDocument();
    expect(within(banner).queryByRole('button', { name: 'Log out' })).not.toBeInTheDocument();
  });

  it('sends a logged-out visitor from the profile page to the login page', async () => {
    renderApp('/profile', serverWith({ user: null }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument();
  });

  it('shows a logged-in person the navigation, and logging out protects the pages again', async () => {
    const server = serverWith({ user: ada }).on('POST /api/v1/auth/logout', () => new Response(null, { status: 204 }));
    const { user } = renderApp('/', server);
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Profile' })).toHaveAttribute('href', '/profile');

    await user.click(screen.getByRole('button', { name: 'Log out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('You have logged out.');
    expect(server.calls('POST /api/v1/auth/logout')).toHaveLength(1);

    // The session is over, so the server would now say 401; the app must not need to ask.
    await user.click(screen.getByRole('link', { name: 'Starling' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log out' })).not.toBeInTheDocument();
  });

  it('says so when a page does not exist', async () => {
    renderApp('/nowhere', serverWith({ user: null }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });

  it('offers to try again when it cannot tell who is logged in', async () => {
    let up = false;
    const server = serverWith({ user: ada }).on('GET /api/v1/auth/me', () =>
      up ? json(ada, { headers: { etag: '"v1"' } }) : problem(503, 'Down for maintenance.'),
    );
    const { user } = renderApp('/', server);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't check who is logged in.");
    up = true;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeInTheDocument();
  });
});
