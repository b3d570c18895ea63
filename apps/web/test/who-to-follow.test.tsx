import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ada, json, serverWith } from './support/fake-server.js';
import { renderApp } from './support/render-app.js';

describe('who to follow', () => {
  it('suggests up to three people beside the timeline, each with a Follow button', async () => {
    const server = serverWith({ user: ada });
    const { user } = renderApp('/', server);
    const panel = await screen.findByRole('region', { name: 'Who to follow' });
    expect(new URL(server.calls('GET /api/v1/users/suggestions')[0]!.url).searchParams.get('limit')).toBe('3');
    expect(within(panel).getByRole('link', { name: 'Grace Hopper' })).toHaveAttribute('href', '/u/grace');

    const follow = within(panel).getByRole('button', { name: 'Follow @grace' });
    await user.click(follow);
    // It stays, pressed, so the person sees what happened (and can undo it).
    expect(follow).toHaveAccessibleName('Following @grace');
    expect(follow).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(server.calls('POST /api/v1/users/u-grace/follow')).toHaveLength(1));
  });

  it('is not shown when there is nobody to suggest', async () => {
    const server = serverWith({ user: ada }).on('GET /api/v1/users/suggestions', () => json({ user_list: [] }));
    renderApp('/', server);
    await screen.findByRole('heading', { level: 1, name: 'Home' });
    await waitFor(() => expect(server.calls('GET /api/v1/users/suggestions')).toHaveLength(1));
    expect(screen.queryByRole('region', { name: 'Who to follow' })).not.toBeInTheDocument();
  });

  it('is not shown, nor asked for, when logged out', async () => {
    const server = serverWith({ user: null });
    renderApp('/tags/anything', server);
    await screen.findByRole('heading', { level: 1, name: '#anything' });
    expect(screen.queryByRole('region', { name: 'Who to follow' })).not.toBeInTheDocument();
    expect(server.calls('GET /api/v1/users/suggestions')).toHaveLength(0);
  });
});
