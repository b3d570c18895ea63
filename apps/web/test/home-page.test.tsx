import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ada, grace, json, problem, serverWith, tweetBy, type Tweet } from './support/fake-server.js';
import { renderApp } from './support/render-app.js';

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

function articleWith(text: string): HTMLElement {
  const article = screen.getByText(text).closest('article');
  if (!article) throw new Error(`No tweet says ${text}`);
  return article;
}

const tweetBodies = () => screen.getAllByRole('article').map((a) => a.querySelector('.tweet-body')?.textContent);

describe('the compose box', () => {
  it('counts the characters left and only allows a tweet of 1 to 280 characters', async () => {
    const { user } = renderApp('/', serverWith({ user: ada }));
    const box = await screen.findByLabelText("What's happening?");
    const tweet = screen.getByRole('button', { name: 'Tweet' });
    const counter = screen.getByText('280 characters left');
    expect(counter).toHaveAttribute('aria-live', 'polite');
    expect(tweet).toBeDisabled();

    await user.type(box, '   ');
    expect(counter).toHaveTextContent('280 characters left');
    expect(tweet).toBeDisabled();

    await user.clear(box);
    await user.type(box, '  Hello  ');
    expect(counter).toHaveTextContent('275 characters left');
    expect(tweet).toBeEnabled();

    await user.clear(box);
    await user.click(box);
    await user.paste('a'.repeat(281));
    expect(counter).toHaveTextContent('1 character over the limit');
    expect(tweet).toBeDisabled();

    await user.clear(box);
    await user.click(box);
    await user.paste('🐦'.repeat(280));
    expect(counter).toHaveTextContent('0 characters left');
    expect(tweet).toBeEnabled();
  });

  it('puts a posted tweet at the top at once and clears the box', async () => {
    const older = tweetBy(grace, 'An older tweet', minutesAgo(5));
    const server = serverWith({ user: ada, tweets: [older] }).on('POST /api/v2/tweets', async (request) => {
      const { body } = (await request.json()) as { body: string };
      return json(tweetBy(ada, body), { status: 201 });
    });
    const { user } = renderApp('/', server);
    await screen.findByText('An older tweet');

    const box = screen.getByLabelText("What's happening?");
    await user.type(box, '  Hello, Starling!  ');
    await user.click(screen.getByRole('button', { name: 'Tweet' }));

    await waitFor(() => expect(tweetBodies()).toEqual(['Hello, Starling!', 'An older tweet']));
    expect(box).toHaveValue('');
    expect(server.calls('GET /api/v2/timelines/home')).toHaveLength(1);
    expect(await server.calls('POST /api/v2/tweets')[0]!.json()).toEqual({ body: 'Hello, Starling!' });
    const mine = articleWith('Hello, Starling!');
    expect(within(mine).getByText('Ada Lovelace')).toBeInTheDocument();
    expect(within(mine).getByRole('link', { name: '@ada' })).toHaveAttribute('href', '/u/ada');
    expect(within(mine).getByText('just now')).toBeInTheDocument();
  });

  it('keeps the draft and explains when the tweet could not be posted', async () => {
    const server = serverWith({ user: ada }).on('POST /api/v2/tweets', () => problem(500, 'boom'));
    const { user } = renderApp('/', server);
    const box = await screen.findByLabelText("What's happening?");
    await user.type(box, 'Hello');
    await user.click(screen.getByRole('button', { name: 'Tweet' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Your tweet wasn't posted.");
    expect(box).toHaveValue('Hello');
  });
});

describe('the timeline', () => {
  it('shows each tweet with its author, a link to them and when it was posted', async () => {
    const posted = minutesAgo(5);
    renderApp('/', serverWith({ user: ada, tweets: [tweetBy(grace, 'Nanoseconds!', posted)] }));
    await screen.findByText('Nanoseconds!');
    const tweet = articleWith('Nanoseconds!');
    expect(within(tweet).getByText('Grace Hopper')).toBeInTheDocument();
    expect(within(tweet).getByRole('link', { name: '@grace' })).toHaveAttribute('href', '/u/grace');
    const time = within(tweet).getByText('5 minutes ago');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', posted);
    expect(time.getAttribute('title')).toContain(String(new Date(posted).getFullYear()));
    expect(within(tweet).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });

  it('shows markup in a tweet as the text it is', async () => {
    const body = '<script>alert(1)</script><b>bold</b>';
    const { container } = renderApp('/', serverWith({ user: ada, tweets: [tweetBy(grace, body)] }));
    expect(await screen.findByText(body)).toBeInTheDocument();
    expect(container.querySelector('.tweet-body script, .tweet-body b')).toBeNull();
  });

  it('says when there are no tweets yet', async () => {
    renderApp('/', serverWith({ user: ada }));
    expect(await screen.findByText(/^No tweets yet/)).toBeInTheDocument();
  });

  it('loads older tweets with the cursor from the Link header', async () => {
    const first = tweetBy(grace, 'Newest');
    const second = tweetBy(grace, 'Oldest', minutesAgo(90));
    const server = serverWith({ user: ada }).on('GET /api/v2/timelines/home', (_request, url) =>
      url.searchParams.get('cursor') === 'page-2'
        ? json({ tweets_list: [second] })
        : json(
            { tweets_list: [first] },
            { headers: { link: '</api/v2/timelines/home?limit=20&cursor=page-2>; rel="next"' } },
          ),
    );
    const { user } = renderApp('/', server);
    await screen.findByText('Newest');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByText('Oldest');
    expect(tweetBodies()).toEqual(['Newest', 'Oldest']);
    expect(within(articleWith('Oldest')).getByText('1 hour ago')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(new URL(server.calls('GET /api/v2/timelines/home')[1]!.url).searchParams.get('cursor')).toBe('page-2');
  });

  it('shows an error with "Try again" when the timeline fails to load, and retries', async () => {
    let failing = true;
    const server = serverWith({ user: ada }).on('GET /api/v2/timelines/home', () => {
      if (failing) throw new TypeError('Failed to fetch');
      return json({ tweets_list: [tweetBy(grace, 'Back again')] });
    });
    const { user } = renderApp('/', server);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't load tweets.");
    expect(screen.queryByText('Back again')).not.toBeInTheDocument();

    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Back again')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps relative times current as the minutes pass', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      renderApp('/', serverWith({ user: ada, tweets: [tweetBy(grace, 'Tick', new Date().toISOString())] }));
      await screen.findByText('Tick');
      expect(within(articleWith('Tick')).getByText('just now')).toBeInTheDocument();
      await act(async () => {
        await vi.advanceTimersByTimeAsync(2 * 60_000);
      });
      expect(within(articleWith('Tick')).getByText('2 minutes ago')).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('deleting a tweet', () => {
  function setUp() {
    const mine: Tweet = tweetBy(ada, 'Regrettable tweet');
    const theirs: Tweet = tweetBy(grace, 'Not mine');
    const server = serverWith({ user: ada, tweets: [mine, theirs] }).on(
      'DELETE /api/v2/tweets/' + mine.id,
      () => new Response(null, { status: 204 }),
    );
    return { server, ...renderApp('/', server), mine };
  }

  it('offers Delete on my own tweets only', async () => {
    setUp();
    await screen.findByText('Regrettable tweet');
    expect(within(articleWith('Regrettable tweet')).getByRole('button', { name: 'Delete' })).toBeInTheDocument();
    expect(within(articleWith('Not mine')).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });

  it('asks first, and Cancel keeps the tweet', async () => {
    const { user, server } = setUp();
    await screen.findByText('Regrettable tweet');
    const trigger = within(articleWith('Regrettable tweet')).getByRole('button', { name: 'Delete' });
    await user.click(trigger);

    const dialog = screen.getByRole('dialog', { name: 'Delete this tweet?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    // Behind the dialog the page can be neither read nor reached.
    expect(screen.queryByRole('button', { name: 'Log out' })).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText('Regrettable tweet')).toBeInTheDocument();
    expect(server.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    expect(trigger).toHaveFocus();
  });

  it('closes with Escape without deleting', async () => {
    const { user, server } = setUp();
    await screen.findByText('Regrettable tweet');
    await user.click(within(articleWith('Regrettable tweet')).getByRole('button', { name: 'Delete' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(server.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
  });

  it('removes the tweet once confirmed', async () => {
    const { user, server, mine } = setUp();
    await screen.findByText('Regrettable tweet');
    await user.click(within(articleWith('Regrettable tweet')).getByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(screen.queryByText('Regrettable tweet')).not.toBeInTheDocument());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText('Not mine')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Tweet deleted');
    expect(server.calls(`DELETE /api/v2/tweets/${mine.id}`)).toHaveLength(1);
  });
});
