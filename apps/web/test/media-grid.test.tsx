import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  ada,
  finishProcessing,
  grace,
  installFakeEventSource,
  picture,
  processingPicture,
  serverWith,
  tweetBy,
} from './support/fake-server.js';
import { renderApp } from './support/render-app.js';

function articleWith(text: string): HTMLElement {
  const article = screen.getByText(text).closest('article');
  if (!article) throw new Error(`No tweet says ${text}`);
  return article;
}

describe("a tweet's pictures", () => {
  it('are laid out by how many there are, each with its alt text, preview and size', async () => {
    const pictures = [
      picture({ description: 'A heron' }),
      picture({ description: 'An egret' }),
      picture({ description: null }),
    ];
    renderApp(
      '/',
      serverWith({ user: ada, tweets: [tweetBy(grace, 'Birds', undefined, { media_attachments: pictures })] }),
    );
    await screen.findByText('Birds');
    const article = articleWith('Birds');
    expect(article.querySelector('.media-grid')).toHaveClass('media-grid-3');
    const images = within(article).getAllByRole('img');
    expect(images.map((img) => img.getAttribute('alt'))).toEqual(['A heron', 'An egret', 'Picture']);
    expect(images[0]).toHaveAttribute('src', pictures[0]!.preview_url);
    expect(images[0]).toHaveAttribute('width', '640');
    expect(images[0]).toHaveAttribute('height', '427');
  });

  it('say when one is still processing and when one is unavailable', async () => {
    const pictures = [
      processingPicture(),
      picture({ state: 'failed', reason: 'Broken', url: null, preview_url: null }),
    ];
    renderApp(
      '/',
      serverWith({
        user: ada,
        processing: 'manual',
        tweets: [tweetBy(grace, 'Wait for it', undefined, { media_attachments: pictures })],
      }),
    );
    await screen.findByText('Wait for it');
    const article = articleWith('Wait for it');
    expect(within(article).getByText('Processing…')).toBeInTheDocument();
    expect(within(article).getByText('Picture unavailable')).toBeInTheDocument();
    expect(within(article).queryByRole('img')).not.toBeInTheDocument();
  });

  it('open in a viewer: full size with alt text, arrows move, Escape closes and focus returns', async () => {
    const pictures = [
      picture({ description: 'A heron' }),
      picture({ description: 'An egret' }),
      picture({ description: 'A crane' }),
    ];
    const { user } = renderApp(
      '/',
      serverWith({ user: ada, tweets: [tweetBy(grace, 'Birds', undefined, { media_attachments: pictures })] }),
    );
    const egret = (await screen.findByRole('img', { name: 'An egret' })).closest('button')!;
    await user.click(egret);

    const viewer = screen.getByRole('dialog', { name: 'Picture 2 of 3' });
    expect(viewer).toHaveAttribute('aria-modal', 'true');
    expect(within(viewer).getByRole('img', { name: 'An egret' })).toHaveAttribute('src', pictures[1]!.url);
    expect(within(viewer).getByText('An egret')).toBeInTheDocument();
    expect(within(viewer).getByRole('button', { name: 'Close' })).toHaveFocus();

    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('dialog', { name: 'Picture 3 of 3' })).toBeInTheDocument();
    expect(within(screen.getByRole('dialog')).getByRole('img')).toHaveAttribute('src', pictures[2]!.url);
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('dialog', { name: 'Picture 3 of 3' })).toBeInTheDocument();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('dialog', { name: 'Picture 1 of 3' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next picture' }));
    expect(screen.getByRole('dialog', { name: 'Picture 2 of 3' })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(egret).toHaveFocus();
  });

  it('fill in once a posted tweet’s pictures finish processing', async () => {
    const pending = processingPicture({ description: 'A heron' });
    const server = serverWith({
      user: ada,
      processing: 'manual',
      tweets: [tweetBy(ada, 'Fresh', undefined, { media_attachments: [pending] })],
    });
    renderApp('/', server);
    await screen.findByText('Fresh');
    expect(within(articleWith('Fresh')).getByText('Processing…')).toBeInTheDocument();

    finishProcessing(pending);
    expect(
      await within(articleWith('Fresh')).findByRole('img', { name: 'A heron' }, { timeout: 3000 }),
    ).toHaveAttribute('src', pending.preview_url);
    expect(within(articleWith('Fresh')).queryByText('Processing…')).not.toBeInTheDocument();
  });

  it('take their progress from the home stream when a shown tweet comes by again', async () => {
    const EventSource = installFakeEventSource();
    const tweet = tweetBy(grace, 'Streamed', undefined, { media_attachments: [processingPicture()] });
    const server = serverWith({ user: ada, processing: 'manual', tweets: [tweet] });
    // The tweet alone doesn't say more; only the stream does.
    server.on('GET /api/v2/tweets/:id', () => new Response(null, { status: 503 }));
    renderApp('/', server);
    await screen.findByText('Streamed');
    const ready = picture({ id: tweet.media_attachments[0]!.id, description: 'A wren' });
    EventSource.latest().emit('tweet', { ...tweet, media_attachments: [ready] });
    await waitFor(() =>
      expect(within(articleWith('Streamed')).getByRole('img', { name: 'A wren' })).toBeInTheDocument(),
    );
    expect(screen.queryByRole('button', { name: /new tweet/ })).not.toBeInTheDocument();
  });

  it('fill in when the home stream sends an update for a shown tweet', async () => {
    const EventSource = installFakeEventSource();
    const tweet = tweetBy(grace, 'Updated', undefined, { media_attachments: [processingPicture()] });
    const server = serverWith({ user: ada, processing: 'manual', tweets: [tweet] });
    server.on('GET /api/v2/tweets/:id', () => new Response(null, { status: 503 }));
    renderApp('/', server);
    await screen.findByText('Updated');
    const ready = picture({ id: tweet.media_attachments[0]!.id, description: 'A starling' });
    EventSource.latest().emit('update', { ...tweet, media_attachments: [ready] });
    await waitFor(() =>
      expect(within(articleWith('Updated')).getByRole('img', { name: 'A starling' })).toBeInTheDocument(),
    );
    // An update is no new entry.
    expect(screen.queryByRole('button', { name: /new tweet/ })).not.toBeInTheDocument();
  });
});
