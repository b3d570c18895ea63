import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ada, json, serverWith } from './support/fake-server.js';
import { renderApp } from './support/render-app.js';

describe('the bio on the profile page', () => {
  it('counts down from 160 characters (an emoji is one) and saves the bio', async () => {
    const server = serverWith({ user: { ...ada, bio: 'Poet of numbers' } }).on(
      'PUT /api/v1/users/u-ada',
      async (request) => json({ ...ada, ...((await request.json()) as object) }, { headers: { etag: '"v2"' } }),
    );
    const { user } = renderApp('/profile', server);
    const bio = await screen.findByLabelText('Bio');
    expect(bio).toHaveValue('Poet of numbers');
    expect(bio).toHaveAccessibleDescription('145 characters left');

    await user.clear(bio);
    await user.type(bio, 'Analyst 🧮');
    expect(bio).toHaveAccessibleDescription('151 characters left');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Profile saved');
    expect(await server.calls('PUT /api/v1/users/u-ada')[0]!.json()).toEqual({ bio: 'Analyst 🧮' });
  });

  it('refuses a bio over 160 characters before asking the API', async () => {
    const server = serverWith({ user: ada });
    const { user } = renderApp('/profile', server);
    const bio = await screen.findByLabelText('Bio');
    await user.click(bio);
    await user.paste('x'.repeat(161));
    expect(screen.getByText('1 character over the limit')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Bio must be at most 160 characters')).toBeInTheDocument();
    expect(bio).toHaveFocus();
    expect(bio).toHaveAttribute('aria-invalid', 'true');
    expect(server.calls('PUT /api/v1/users/u-ada')).toHaveLength(0);
  });
});
