import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ada, grace, json, problem, serverWith, tweetBy } from './support/fake-server.js';
import { renderApp } from './support/render-app.js';

describe('a user page', () => {
  it("shows the person's name, handle and only their tweets", async () => {
    const server = serverWith({
      user: null,
      tweets: [tweetBy(grace, 'Bugs are moths'), tweetBy(ada, 'Engines of analysis')],
    }).on('GET /api/v1/users/lookup', (_request, url) =>
      url.searchParams.get('username') === 'grace' ? json(grace) : problem(404, 'Nobody.'),
    );
    renderApp('/u/grace', server);
    expect(await screen.findByRole('heading', { level: 1, name: 'Grace Hopper' })).toBeInTheDocument();
    expect(screen.getByText('@grace', { selector: '.handle' })).toBeInTheDocument();
    const tweets = screen.getByRole('region', { name: 'Tweets by @grace' });
    expect(await within(tweets).findByText('Bugs are moths')).toBeInTheDocument();
    expect(within(tweets).queryByText('Engines of analysis')).not.toBeInTheDocument();
    const query = new URL(server.calls('GET /api/v2/tweets')[0]!.url).searchParams;
    expect(query.get('tweetedby')).toBe('grace');
  });

  it('says "No such user" for a username nobody has', async () => {
    const server = serverWith({ user: null }).on('GET /api/v1/users/lookup', () => problem(404, 'Nobody.'));
    renderApp('/u/nobody', server);
    expect(await screen.findByRole('heading', { level: 1, name: 'No such user' })).toBeInTheDocument();
    expect(server.calls('GET /api/v2/tweets')).toHaveLength(0);
  });
});
