import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ada, json, problem, serverWith } from './support/fake-server.js';
import { renderApp } from './support/render-app.js';

describe('the profile page', () => {
  it('is filled in with the current profile and says which fields are needed when', async () => {
    renderApp('/profile', serverWith({ user: ada }));
    expect(await screen.findByLabelText('Name')).toHaveValue('Ada Lovelace');
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com');
    expect(screen.getByLabelText('New password')).toHaveValue('');
    expect(screen.getByLabelText('Current password')).toHaveAccessibleDescription(
      'Required only when you set a new password.',
    );
  });

  it('saves with the version it was read at and says so', async () => {
    const server = serverWith({ user: ada }).on('PUT /api/v1/users/u-ada', async (request) => {
      const change = (await request.json()) as { name?: string };
      return json({ ...ada, ...change }, { headers: { etag: '"v2"' } });
    });
    const { user } = renderApp('/profile', server);
    const name = await screen.findByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Augusta Ada King');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Profile saved');
    const [put] = server.calls('PUT /api/v1/users/u-ada');
    expect(put!.headers.get('if-match')).toBe('"v1"');
    expect(await put!.json()).toEqual({ name: 'Augusta Ada King' });

    // The next save names the version the first one produced.
    await user.type(name, '!');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('status');
    expect(server.calls('PUT /api/v1/users/u-ada')[1]!.headers.get('if-match')).toBe('"v2"');
  });

  it('sends a new password with the current one', async () => {
    const server = serverWith({ user: ada }).on('PUT /api/v1/users/u-ada', () =>
      json(ada, { headers: { etag: '"v2"' } }),
    );
    const { user } = renderApp('/profile', server);
    await user.type(await screen.findByLabelText('New password'), 'a much better one');
    expect(screen.getByLabelText('Current password')).toBeRequired();
    await user.type(screen.getByLabelText('Current password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('status');
    expect(await server.calls('PUT /api/v1/users/u-ada')[0]!.json()).toEqual({
      password: 'a much better one',
      current_password: 'correct horse',
    });
    expect(screen.getByLabelText('New password')).toHaveValue('');
    expect(screen.getByLabelText('Current password')).toHaveValue('');
  });

  it('puts a wrong current password next to that field', async () => {
    const server = serverWith({ user: ada }).on('PUT /api/v1/users/u-ada', () =>
      problem(400, 'The request is not valid.', [
        { field: 'current_password', reason: 'is not your current password' },
      ]),
    );
    const { user } = renderApp('/profile', server);
    await user.type(await screen.findByLabelText('New password'), 'a much better one');
    await user.type(screen.getByLabelText('Current password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const current = screen.getByLabelText('Current password');
    await waitFor(() => expect(current).toHaveAttribute('aria-invalid', 'true'));
    expect(current).toHaveAccessibleDescription(
      'Required only when you set a new password. Current password is not your current password',
    );
    expect(current).toHaveFocus();
  });

  it('puts an email someone else has next to the email field', async () => {
    const server = serverWith({ user: ada }).on('PUT /api/v1/users/u-ada', () =>
      problem(409, 'That email is already in use.', [{ field: 'email', reason: 'is already in use' }]),
    );
    const { user } = renderApp('/profile', server);
    const email = await screen.findByLabelText('Email');
    await user.clear(email);
    await user.type(email, 'grace@example.com');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Email is already in use')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
  });

  it('refuses to overwrite a profile changed meanwhile, and can reload the latest', async () => {
    let latest = ada;
    const server = serverWith({ user: ada })
      .on('GET /api/v1/auth/me', () => json(latest, { headers: { etag: latest === ada ? '"v1"' : '"v2"' } }))
      .on('PUT /api/v1/users/u-ada', () => problem(412, 'The resource has changed.'));
    const { user } = renderApp('/profile', server);
    const name = await screen.findByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'My edit');
    latest = { ...ada, name: 'Their edit' };
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Someone else changed your profile meanwhile. Reload to see the latest version.',
    );
    expect(name).toHaveValue('My edit');
    expect(screen.queryByText('Profile saved')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(name).toHaveValue('Their edit'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
