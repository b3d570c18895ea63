import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  ada,
  grace,
  json,
  problem,
  replyTo,
  repostOf,
  serverWith,
  tweetBy,
  type Tweet,
} from './support/fake-server.js';
import { renderApp } from './support/render-app.js';

function articleWith(text: string): HTMLElement {
  const article = screen.getAllByText(text)[0]!.closest('article');
  if (!article) throw new Error(`No tweet says ${text}`);
  return article;
}

/** A response that waits until `release()` is called. */
function deferred() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { gate, release };
}

describe('a tweet in the timeline', () => {
  it('links hashtags and mentions by their code point offsets, as text (not HTML)', async () => {
    const tweet = tweetBy(grace, '🐦 Hi @ada, coffee at the #Café? <b>x</b>');
    renderApp('/', serverWith({ user: ada, tweets: [tweet] }));
    const body = (await screen.findByText(/coffee at the/)).closest('p')!;
    expect(body).toHaveTextContent('🐦 Hi @ada, coffee at the #Café? <b>x</b>');
    expect(within(body).getByRole('link', { name: '@ada' })).toHaveAttribute('href', '/u/ada');
    expect(within(body).getByRole('link', { name: '#Café' })).toHaveAttribute(
      'href',
      `/tags/${encodeURIComponent('Café')}`,
    );
    expect(body.querySelector('b')).toBeNull();
  });

  it("links its time to the tweet's thread", async () => {
    const tweet = tweetBy(grace, 'Timely');
    renderApp('/', serverWith({ user: ada, tweets: [tweet] }));
    await screen.findByText('Timely');
    const time = within(articleWith('Timely')).getByText('just now');
    expect(time.closest('a')).toHaveAttribute('href', `/t/${tweet.id}`);
  });

  it('shows who reposted a repost', async () => {
    const tweet = tweetBy(ada, 'Worth repeating');
    renderApp('/', serverWith({ user: ada, tweets: [], reposts: [repostOf(tweet, grace)] }));
    await screen.findByText('Worth repeating');
    const article = articleWith('Worth repeating');
    expect(article).toHaveTextContent('↻ Grace Hopper reposted');
    expect(within(article).getByRole('link', { name: 'Grace Hopper' })).toHaveAttribute('href', '/u/grace');
  });

  it('likes at once, then takes the count the API answers', async () => {
    const tweet: Tweet = { ...tweetBy(grace, 'Likeable'), like_count: 2, liked: false };
    const { gate, release } = deferred();
    const server = serverWith({ user: ada, tweets: [tweet] }).on(`POST /api/v2/tweets/${tweet.id}/like`, async () => {
      await gate;
      return json({ ...tweet, like_count: 7, liked: true });
    });
    const { user } = renderApp('/', server);
    await screen.findByText('Likeable');
    const like = within(articleWith('Likeable')).getByRole('button', { name: 'Like, 2 likes' });
    expect(like).toHaveAttribute('aria-pressed', 'false');

    await user.click(like);
    expect(like).toHaveAttribute('aria-pressed', 'true');
    expect(like).toHaveAccessibleName('Like, 3 likes');
    release();
    await waitFor(() => expect(like).toHaveAccessibleName('Like, 7 likes'));
    expect(like).toHaveAttribute('aria-pressed', 'true');
  });

  it('unlikes, and puts the like back when the API refuses', async () => {
    const tweet: Tweet = { ...tweetBy(grace, 'Liked already'), like_count: 1, liked: true };
    const server = serverWith({ user: ada, tweets: [tweet] }).on(`DELETE /api/v2/tweets/${tweet.id}/like`, () =>
      problem(500, 'boom'),
    );
    const { user } = renderApp('/', server);
    await screen.findByText('Liked already');
    const like = within(articleWith('Liked already')).getByRole('button', { name: 'Like, 1 like' });
    expect(like).toHaveAttribute('aria-pressed', 'true');
    await user.click(like);
    expect(await screen.findByRole('alert')).toHaveTextContent("The like didn't go through.");
    expect(like).toHaveAttribute('aria-pressed', 'true');
    expect(like).toHaveAccessibleName('Like, 1 like');
  });

  it('reposts: the button is pressed, the count grows and the repost joins my home timeline', async () => {
    const tweet = tweetBy(grace, 'Spread the word');
    const server = serverWith({ user: ada, tweets: [tweet] });
    const { user } = renderApp('/', server);
    await screen.findByText('Spread the word');
    const repost = within(articleWith('Spread the word')).getByRole('button', { name: 'Repost, 0 reposts' });
    await user.click(repost);
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(2));
    const [first, second] = screen.getAllByRole('article');
    expect(first).toHaveTextContent('↻ Ada Lovelace reposted');
    expect(second).not.toHaveTextContent('reposted');
    for (const article of [first!, second!]) {
      const button = within(article).getByRole('button', { name: 'Repost, 1 repost' });
      expect(button).toHaveAttribute('aria-pressed', 'true');
    }
    expect(server.calls(`POST /api/v2/tweets/${tweet.id}/repost`)).toHaveLength(1);

    await user.click(within(second!).getByRole('button', { name: 'Repost, 1 repost' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Repost, 0 reposts' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('opens a reply box that Escape closes, returning focus to Reply', async () => {
    const { user } = renderApp('/', serverWith({ user: ada, tweets: [tweetBy(grace, 'Talk to me')] }));
    await screen.findByText('Talk to me');
    const reply = within(articleWith('Talk to me')).getByRole('button', { name: 'Reply, 0 replies' });
    expect(reply).toHaveAttribute('aria-expanded', 'false');
    reply.focus();
    await user.keyboard('{Enter}');
    const box = screen.getByLabelText('Reply to @grace');
    expect(box).toHaveFocus();
    expect(reply).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(screen.queryByLabelText('Reply to @grace')).not.toBeInTheDocument();
    expect(reply).toHaveFocus();
  });

  it('posts a reply with in_reply_to_id, counts it, and shows it at the top', async () => {
    const tweet = tweetBy(grace, 'Ask me anything');
    const server = serverWith({ user: ada, tweets: [tweet] });
    const { user } = renderApp('/', server);
    await screen.findByText('Ask me anything');
    await user.click(within(articleWith('Ask me anything')).getByRole('button', { name: 'Reply, 0 replies' }));
    await user.type(screen.getByLabelText('Reply to @grace'), 'What is a bug?');
    await user.click(screen.getByRole('button', { name: 'Reply' }));

    await screen.findByText('What is a bug?');
    expect(await server.calls('POST /api/v2/tweets')[0]!.json()).toEqual({
      body: 'What is a bug?',
      in_reply_to_id: tweet.id,
    });
    expect(screen.queryByLabelText('Reply to @grace')).not.toBeInTheDocument();
    expect(within(articleWith('Ask me anything')).getByRole('button', { name: 'Reply, 1 reply' })).toHaveFocus();
    const mine = articleWith('What is a bug?');
    expect(screen.getAllByRole('article')[0]).toBe(mine);
    expect(mine).toHaveTextContent('Replying to @grace');
    expect(within(mine).getByRole('link', { name: '@grace' })).toHaveAttribute('href', '/u/grace');
  });

  it('says "Replying to a deleted tweet" when the parent is gone', async () => {
    const parent = tweetBy(grace, 'Soon gone');
    const orphan = replyTo(parent, ada, 'Orphaned reply');
    const server = serverWith({ user: ada, tweets: [orphan] }); // the parent is not there: 404
    renderApp('/', server);
    await screen.findByText('Orphaned reply');
    expect(await within(articleWith('Orphaned reply')).findByText('Replying to a deleted tweet')).toBeInTheDocument();
  });

  it('offers only the counts to someone logged out', async () => {
    const tweet: Tweet = { ...tweetBy(grace, 'Public tweet'), like_count: 3, reply_count: 1 };
    renderApp('/u/grace', serverWith({ user: null, tweets: [tweet] }));
    await screen.findByText('Public tweet');
    const article = articleWith('Public tweet');
    expect(within(article).queryByRole('button')).not.toBeInTheDocument();
    expect(article).toHaveTextContent('1 reply · 0 reposts · 3 likes');
  });
});
