import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ada, grace, problem, serverWith, tweetBy } from './support/fake-server.js';
import { renderApp } from './support/render-app.js';

describe('a user page', () => {
  it("shows the person's name, handle and only their tweets", async () => {
    const server = serverWith({
      user: null,
      tweets: [tweetBy(grace, 'Bugs are moths'), tweetBy(ada, 'Engines of analysis')],
    });
    renderApp('/u/grace', server);
    expect(await screen.findByRole('heading', { level: 1, name: 'Grace Hopper' })).toBeInTheDocument();
    expect(screen.getByText('@grace', { selector: '.handle' })).toBeInTheDocument();
    const tweets = screen.getByRole('region', { name: 'Tweets by @grace' });
    expect(await within(tweets).findByText('Bugs are moths')).toBeInTheDocument();
    expect(within(tweets).queryByText('Engines of analysis')).not.toBeInTheDocument();
    const query = new URL(server.calls('GET /api/v2/tweets')[0]!.url).searchParams;
    expect(query.get('tweetedby')).toBe('grace');
    // Logged out: nobody to follow as.
    expect(screen.queryByRole('button', { name: 'Follow' })).not.toBeInTheDocument();
  });

  it('says "No such user" for a username nobody has', async () => {
    const server = serverWith({ user: null }).on('GET /api/v1/users/lookup', () => problem(404, 'Nobody.'));
    renderApp('/u/nobody', server);
    expect(await screen.findByRole('heading', { level: 1, name: 'No such user' })).toBeInTheDocument();
    expect(server.calls('GET /api/v2/tweets')).toHaveLength(0);
  });

  it('shows the bio, the counts with links to the lists, and "Follows you"', async () => {
    const server = serverWith({
      user: ada,
      users: [{ ...grace, bio: 'Rear admiral, compiler pioneer' }],
      tweets: [tweetBy(grace, 'One'), tweetBy(grace, 'Two')],
      follows: [
        ['grace', 'ada'],
        ['linus', 'grace'],
      ],
    });
    renderApp('/u/grace', server);
    await screen.findByRole('heading', { level: 1, name: 'Grace Hopper' });
    expect(screen.getByText('Rear admiral, compiler pioneer')).toBeInTheDocument();
    expect(screen.getByText('Follows you')).toBeInTheDocument();
    expect(screen.getByText((_, el) => el?.tagName === 'LI' && el.textContent === '2 tweets')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '1 follower' })).toHaveAttribute('href', '/u/grace/followers');
    expect(screen.getByRole('link', { name: '1 following' })).toHaveAttribute('href', '/u/grace/following');
  });

  it('follows and unfollows with a pressed Following button, counting along', async () => {
    const server = serverWith({ user: ada });
    const { user } = renderApp('/u/grace', server);
    const follow = await screen.findByRole('button', { name: 'Follow' });
    expect(follow).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('link', { name: '0 followers' })).toBeInTheDocument();

    await user.click(follow);
    expect(follow).toHaveAccessibleName('Following');
    expect(follow).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('link', { name: '1 follower' })).toBeInTheDocument();
    await waitFor(() => expect(server.calls('POST /api/v1/users/u-grace/follow')).toHaveLength(1));

    await user.click(follow);
    expect(follow).toHaveAccessibleName('Follow');
    expect(follow).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('link', { name: '0 followers' })).toBeInTheDocument();
    await waitFor(() => expect(server.calls('DELETE /api/v1/users/u-grace/follow')).toHaveLength(1));
  });

  it('offers no Follow button on my own page', async () => {
    renderApp('/u/ada', serverWith({ user: ada }));
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    expect(screen.queryByRole('button', { name: /^Follow/ })).not.toBeInTheDocument();
  });
});

describe('the followers and following lists', () => {
  it('lists who follows a person and whom they follow, linking to each', async () => {
    const server = serverWith({
      user: ada,
      follows: [
        ['ada', 'grace'],
        ['linus', 'grace'],
        ['grace', 'linus'],
      ],
    });
    const { user } = renderApp('/u/grace', server);
    await user.click(await screen.findByRole('link', { name: '2 followers' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'People following @grace' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '@linus' })).toHaveAttribute('href', '/u/linus');
    expect(screen.getByRole('link', { name: '@ada' })).toHaveAttribute('href', '/u/ada');

    renderApp('/u/grace/following', server);
    expect(await screen.findByRole('heading', { level: 1, name: 'People @grace follows' })).toBeInTheDocument();
  });
});
