import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ada, grace, linus, serverWith, tweetBy } from './support/fake-server.js';
import { renderApp } from './support/render-app.js';

describe('search', () => {
  it('focuses the header search box on "/" (but not while typing elsewhere)', async () => {
    const { user } = renderApp('/', serverWith({ user: ada }));
    const compose = await screen.findByLabelText("What's happening?");
    const search = within(screen.getByRole('banner')).getByRole('searchbox', { name: 'Search' });
    await user.click(compose);
    await user.keyboard('a/b');
    expect(compose).toHaveValue('a/b');
    expect(search).not.toHaveFocus();

    (document.activeElement as HTMLElement).blur();
    await user.keyboard('/');
    expect(search).toHaveFocus();
    expect(search).toHaveValue('');
  });

  it('searches tweets from the header, and switches to people with the tabs', async () => {
    const server = serverWith({
      user: ada,
      tweets: [tweetBy(grace, 'Compilers are fun'), tweetBy(linus, 'Kernels are fun')],
    });
    const { user } = renderApp('/', server);
    const search = await screen.findByRole('searchbox', { name: 'Search' });
    await user.type(search, 'compilers{Enter}');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Search results for “compilers”' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Compilers are fun')).toBeInTheDocument();
    expect(screen.queryByText('Kernels are fun')).not.toBeInTheDocument();
    const tabs = screen.getByRole('navigation', { name: 'Search results' });
    expect(within(tabs).getByRole('link', { name: 'Tweets' })).toHaveAttribute('aria-current', 'page');
    const query = new URL(server.calls('GET /api/v2/search')[0]!.url).searchParams;
    expect([query.get('q'), query.get('type')]).toEqual(['compilers', 'tweets']);

    await user.clear(search);
    await user.type(search, 'grace{Enter}');
    await user.click(within(tabs).getByRole('link', { name: 'People' }));
    expect(within(tabs).getByRole('link', { name: 'People' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('link', { name: 'Grace Hopper' })).toHaveAttribute('href', '/u/grace');
    expect(search).toHaveValue('grace');
  });

  it('asks for something to search for when q is empty', async () => {
    const server = serverWith({ user: ada });
    renderApp('/search?q=', server);
    expect(await screen.findByRole('heading', { level: 1, name: 'Search' })).toBeInTheDocument();
    expect(server.calls('GET /api/v2/search')).toHaveLength(0);
  });

  it('says when nothing matches', async () => {
    renderApp('/search?q=zebra&type=users', serverWith({ user: ada }));
    expect(await screen.findByText('Nobody matches “zebra”')).toBeInTheDocument();
  });
});

describe('a hashtag page', () => {
  it('shows the tweets carrying the tag, reached from a hashtag link', async () => {
    const server = serverWith({
      user: ada,
      tweets: [tweetBy(grace, 'Shipping #Starling today'), tweetBy(linus, 'Nothing tagged')],
    });
    const { user } = renderApp('/', server);
    await screen.findByText('Nothing tagged');
    await user.click(screen.getByRole('link', { name: '#Starling' }));
    expect(await screen.findByRole('heading', { level: 1, name: '#Starling' })).toBeInTheDocument();
    expect(await screen.findByText(/Shipping/)).toBeInTheDocument();
    expect(screen.queryByText('Nothing tagged')).not.toBeInTheDocument();
    expect(server.calls('GET /api/v2/timelines/tag/Starling')).toHaveLength(1);
  });
});
