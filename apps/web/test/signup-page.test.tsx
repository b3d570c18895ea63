import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ada, FakeServer, json, problem, serverWith } from './support/fake-server.js';
import { renderApp } from './support/render-app.js';

async function fillIn(user: ReturnType<typeof renderApp>['user'], values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    if (value) await user.type(screen.getByLabelText(label, { exact: true }), value);
  }
}

describe('signing up', () => {
  it('labels every field', async () => {
    renderApp('/signup', serverWith({ user: null }));
    for (const label of ['Name', 'Username', 'Email', 'Password']) {
      expect(await screen.findByLabelText(label, { exact: true })).toBeInTheDocument();
    }
    expect(screen.getByRole('link', { name: 'Go to the login page' })).toHaveAttribute('href', '/login');
  });

  it("shows the API's field errors next to their fields", async () => {
    const server = serverWith({ user: null }).on('POST /api/v1/users', () =>
      problem(400, 'The request is not valid.', [
        { field: 'email', reason: 'must match format "email"' },
        { field: 'password', reason: 'must NOT have fewer than 8 characters' },
      ]),
    );
    const { user } = renderApp('/signup', server);
    await screen.findByRole('heading', { name: 'Sign up' });
    await fillIn(user, { Username: 'ada', Email: 'not-an-email', Password: 'short' });
    await user.click(screen.getByRole('button', { name: 'Sign up' }));

    const email = await screen.findByLabelText('Email');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Email is not a valid email address');
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription('At least 8 characters. Password must be at least 8 characters');
    expect(screen.getByLabelText('Username')).not.toHaveAttribute('aria-invalid');
    // The first field in trouble gets focus, so a keyboard user lands on it.
    expect(email).toHaveFocus();
  });

  it('puts a taken username next to the username field', async () => {
    const server = serverWith({ user: null }).on('POST /api/v1/users', () =>
      problem(409, 'That username is taken.', [{ field: 'username', reason: 'is already taken' }]),
    );
    const { user } = renderApp('/signup', server);
    await screen.findByRole('heading', { name: 'Sign up' });
    await fillIn(user, { Username: 'ada', Email: 'ada@example.com', Password: 'correct horse' });
    await user.click(screen.getByRole('button', { name: 'Sign up' }));
    expect(await screen.findByText('Username is already taken')).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(
      '3 to 30 letters, digits or underscores. Username is already taken',
    );
  });

  it('shows a summary for errors that are not about a field', async () => {
    const server = serverWith({ user: null }).on('POST /api/v1/users', () => problem(500, 'boom'));
    const { user } = renderApp('/signup', server);
    await screen.findByRole('heading', { name: 'Sign up' });
    await fillIn(user, { Username: 'ada', Email: 'ada@example.com', Password: 'correct horse' });
    await user.click(screen.getByRole('button', { name: 'Sign up' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side. Please try again.');
  });

  it('logs the new person in and takes them home', async () => {
    let loggedIn = false;
    const server: FakeServer = serverWith({ user: null })
      .on('POST /api/v1/users', () => json(ada, { status: 201 }))
      .on('POST /api/v1/auth/login', () => {
        loggedIn = true;
        return json({ access_token: 'x', token_type: 'Bearer', expires_in: 900 });
      })
      .on('GET /api/v1/auth/me', () => (loggedIn ? json(ada, { headers: { etag: '"v1"' } }) : problem(401, 'No.')));
    const { user } = renderApp('/signup', server);
    await screen.findByRole('heading', { name: 'Sign up' });
    await fillIn(user, { Name: 'Ada Lovelace', Username: 'ada', Email: 'ada@example.com', Password: 'correct horse' });
    await user.click(screen.getByRole('button', { name: 'Sign up' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeInTheDocument();
    expect(await server.calls('POST /api/v1/users')[0]!.json()).toEqual({
      name: 'Ada Lovelace',
      username: 'ada',
      email: 'ada@example.com',
      password: 'correct horse',
    });
    expect(await server.calls('POST /api/v1/auth/login')[0]!.json()).toEqual({
      username: 'ada',
      password: 'correct horse',
    });
  });
});
