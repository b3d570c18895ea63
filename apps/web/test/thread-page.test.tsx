import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { depths } from '../src/pages/thread-page.js';
import { ada, grace, linus, replyTo, serverWith, tweetBy } from './support/fake-server.js';
import { renderApp } from './support/render-app.js';

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

/** root ← middle ← focus ← (r1 ← r1a), r2 */
function conversation() {
  const root = tweetBy(grace, 'Root of it all', minutesAgo(60));
  const middle = replyTo(root, ada, 'A middle reply', minutesAgo(50));
  const focus = replyTo(middle, grace, 'The tweet in focus', minutesAgo(40));
  const r1 = replyTo(focus, linus, 'First answer', minutesAgo(30));
  const r1a = replyTo(r1, ada, 'Answer to the answer', minutesAgo(20));
  const r2 = replyTo(focus, ada, 'Second answer', minutesAgo(10));
  return { root, middle, focus, r1, r1a, r2, tweets: [r2, r1a, r1, focus, middle, root] };
}

const articleWith = (text: string) => screen.getByText(text).closest('article')!;

describe('the thread page', () => {
  it('shows the ancestors, the tweet highlighted, and the replies indented by depth', async () => {
    const { focus, tweets } = conversation();
    renderApp(`/t/${focus.id}`, serverWith({ user: ada, tweets }));
    await screen.findByText('The tweet in focus');

    const ancestors = screen.getByRole('list', { name: 'Earlier in the conversation' });
    expect(
      within(ancestors)
        .getAllByRole('article')
        .map((a) => a.querySelector('.tweet-body')!.textContent),
    ).toEqual(['Root of it all', 'A middle reply']);
    const current = articleWith('The tweet in focus');
    expect(current).toHaveAttribute('aria-current', 'page');
    expect(current).toHaveTextContent('Replying to @ada');

    const replies = within(screen.getByRole('region', { name: 'Replies' })).getAllByRole('listitem');
    expect(replies.map((li) => [li.querySelector('.tweet-body')!.textContent, li.className])).toEqual([
      ['First answer', 'depth-1'],
      ['Answer to the answer', 'depth-2'],
      ['Second answer', 'depth-1'],
    ]);
  });

  it('computes depth from in_reply_to_id', () => {
    const { focus, r1, r1a, r2 } = conversation();
    const depth = depths(focus.id, [r1, r1a, r2]);
    expect([depth.get(r1.id), depth.get(r1a.id), depth.get(r2.id)]).toEqual([1, 2, 1]);
  });

  it('posts a reply from the reply box and shows it in the thread', async () => {
    const root = tweetBy(grace, 'Say something');
    const server = serverWith({ user: ada, tweets: [root] });
    const { user } = renderApp(`/t/${root.id}`, server);
    await screen.findByText('Say something');
    expect(screen.getByText('No replies yet')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Reply to @grace'), 'Something!');
    await user.click(screen.getByRole('button', { name: 'Reply' }));

    const replies = screen.getByRole('region', { name: 'Replies' });
    expect(await within(replies).findByText('Something!')).toBeInTheDocument();
    expect(await server.calls('POST /api/v2/tweets')[0]!.json()).toEqual({
      body: 'Something!',
      in_reply_to_id: root.id,
    });
    await waitFor(() =>
      expect(within(articleWith('Say something')).getByRole('button', { name: 'Reply, 1 reply' })).toBeInTheDocument(),
    );
    expect(screen.getByLabelText('Reply to @grace')).toHaveValue('');
  });

  it('says the first tweet replies to a deleted one when the walk up stops', async () => {
    const gone = tweetBy(linus, 'Deleted long ago');
    const orphan = replyTo(gone, grace, 'I reply to nothing now');
    renderApp(`/t/${orphan.id}`, serverWith({ user: ada, tweets: [orphan] }));
    await screen.findByText('I reply to nothing now');
    expect(articleWith('I reply to nothing now')).toHaveTextContent('Replying to a deleted tweet');
  });

  it('says so when the tweet does not exist', async () => {
    renderApp('/t/nope', serverWith({ user: ada }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Tweet not found' })).toBeInTheDocument();
  });

  it('shows a thread to someone logged out, without a reply box', async () => {
    const root = tweetBy(grace, 'Open to all');
    renderApp(`/t/${root.id}`, serverWith({ user: null, tweets: [root] }));
    await screen.findByText('Open to all');
    expect(screen.queryByLabelText('Reply to @grace')).not.toBeInTheDocument();
  });
});
