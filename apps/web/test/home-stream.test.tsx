import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ada, grace, installFakeEventSource, json, repostOf, serverWith, tweetBy } from './support/fake-server.js';
import { renderApp } from './support/render-app.js';

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
const bodies = () => screen.getAllByRole('article').map((a) => a.querySelector('.tweet-body')?.textContent);

describe('the live home timeline', () => {
  it('listens on the home stream and offers "1 new tweet", then "2 new tweets"', async () => {
    const Stream = installFakeEventSource();
    renderApp('/', serverWith({ user: ada, tweets: [tweetBy(grace, 'Already here', minutesAgo(5))] }));
    await screen.findByText('Already here');
    const stream = Stream.latest();
    expect(new URL(stream.url, 'http://x').pathname).toBe('/api/v2/streaming/home');
    expect(screen.queryByRole('button', { name: /new tweet/ })).not.toBeInTheDocument();

    stream.emit('tweet', tweetBy(grace, 'Fresh one'));
    expect(screen.getByRole('button', { name: '1 new tweet' })).toBeInTheDocument();
    expect(screen.queryByText('Fresh one')).not.toBeInTheDocument();
    stream.emit('tweet', tweetBy(grace, 'Fresher one'));
    expect(screen.getByRole('button', { name: '2 new tweets' })).toBeInTheDocument();
  });

  it('inserts the new tweets on click, newest first, without refetching or losing loaded pages', async () => {
    const Stream = installFakeEventSource();
    const first = tweetBy(grace, 'Page one', minutesAgo(5));
    const second = tweetBy(grace, 'Page two', minutesAgo(90));
    const server = serverWith({ user: ada }).on('GET /api/v2/timelines/home', (_request, url) =>
      url.searchParams.get('cursor') === 'p2'
        ? json({ tweets_list: [second] })
        : json({ tweets_list: [first] }, { headers: { link: '</api/v2/timelines/home?cursor=p2>; rel="next"' } }),
    );
    const { user } = renderApp('/', server);
    await screen.findByText('Page one');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByText('Page two');

    const stream = Stream.latest();
    stream.emit('tweet', tweetBy(grace, 'Streamed A'));
    stream.emit('tweet', repostOf(tweetBy(ada, 'Streamed B'), grace));
    await user.click(screen.getByRole('button', { name: '2 new tweets' }));

    expect(bodies()).toEqual(['Streamed B', 'Streamed A', 'Page one', 'Page two']);
    expect(screen.getAllByRole('article')[0]).toHaveTextContent('↻ Grace Hopper reposted');
    expect(screen.queryByRole('button', { name: /new tweet/ })).not.toBeInTheDocument();
    expect(server.calls('GET /api/v2/timelines/home')).toHaveLength(2);
    await waitFor(() => expect(screen.getAllByRole('article')[0]).toHaveFocus());
  });

  it('does not count a tweet already on screen, such as one I just posted', async () => {
    const Stream = installFakeEventSource();
    const { user } = renderApp('/', serverWith({ user: ada }));
    const box = await screen.findByLabelText("What's happening?");
    await user.type(box, 'My own words');
    await user.click(screen.getByRole('button', { name: 'Tweet' }));
    await screen.findByText('My own words');
    const mine = screen.getAllByRole('article')[0]!;
    const id = mine.getAttribute('data-entry')!;
    Stream.latest().emit('tweet', { ...tweetBy(ada, 'My own words'), id });
    expect(screen.queryByRole('button', { name: /new tweet/ })).not.toBeInTheDocument();
  });

  it('removes a tweet when a delete event arrives, shown or waiting', async () => {
    const Stream = installFakeEventSource();
    const doomed = tweetBy(grace, 'Doomed tweet');
    renderApp('/', serverWith({ user: ada, tweets: [doomed, tweetBy(grace, 'Survivor')] }));
    await screen.findByText('Doomed tweet');
    const stream = Stream.latest();
    const waiting = tweetBy(grace, 'Never seen');
    stream.emit('tweet', waiting);
    expect(screen.getByRole('button', { name: '1 new tweet' })).toBeInTheDocument();

    stream.emit('delete', { id: doomed.id });
    stream.emit('delete', { id: waiting.id });
    expect(screen.queryByText('Doomed tweet')).not.toBeInTheDocument();
    expect(screen.getByText('Survivor')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /new tweet/ })).not.toBeInTheDocument();
  });

  it('closes the stream when leaving the home page', async () => {
    const Stream = installFakeEventSource();
    const { user } = renderApp('/', serverWith({ user: ada, tweets: [tweetBy(grace, 'Bye')] }));
    await screen.findByText('Bye');
    const stream = Stream.latest();
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Profile' }));
    await screen.findByRole('heading', { level: 1, name: 'Profile' });
    expect(stream.readyState).toBe(Stream.CLOSED);
  });
});
