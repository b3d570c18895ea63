import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ada,
  FakeXhr,
  finishProcessing,
  problem,
  serverWith,
  type FakeServer,
  type MediaAttachment,
} from './support/fake-server.js';
import { renderApp } from './support/render-app.js';

let thumbnails = 0;
let revoked: string[] = [];

beforeEach(() => {
  thumbnails = 0;
  revoked = [];
  // jsdom's URL cannot make object URLs of its own Files.
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:thumbnail-${++thumbnails}`);
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
});

afterEach(() => {
  vi.restoreAllMocks();
});

const png = (name: string) => new File(['fake png bytes'], name, { type: 'image/png' });

async function home(server: FakeServer) {
  const view = renderApp('/', server);
  await screen.findByLabelText("What's happening?");
  return view;
}

const tweetButton = () => screen.getByRole('button', { name: 'Tweet' });
const picker = () => screen.getByLabelText('Choose pictures');
const pictureGroup = (n: number) => screen.getByRole('group', { name: `Picture ${n}` });

/** Drops `files` on `target`, as a browser does when files are dragged from the desktop. */
function drop(target: HTMLElement, files: File[]) {
  const dataTransfer = { files, types: ['Files'], dropEffect: 'none' };
  act(() => {
    target.dispatchEvent(Object.assign(new Event('drop', { bubbles: true, cancelable: true }), { dataTransfer }));
  });
}

async function jsonOf(request: Request | undefined): Promise<unknown> {
  if (!request) throw new Error('No such request');
  return request.clone().json();
}

describe('attaching pictures to a tweet', () => {
  it('shows each thumbnail and its upload progress, and allows Tweet once the uploads are in', async () => {
    const media: MediaAttachment[] = [];
    const server = serverWith({ user: ada, media, processing: 'manual' });
    const { user } = await home(server);
    FakeXhr.manual = true;
    document.cookie = 'starling_csrf=token-1';

    await user.upload(picker(), [png('one.png'), png('two.png')]);
    expect(pictureGroup(1).querySelector('img')).toHaveAttribute('src', 'blob:thumbnail-1');
    expect(pictureGroup(2).querySelector('img')).toHaveAttribute('src', 'blob:thumbnail-2');
    expect(within(pictureGroup(1)).getByRole('progressbar', { name: 'Upload progress' })).toHaveValue(0);

    const [first, second] = FakeXhr.instances;
    first!.progress(40, 100);
    expect(within(pictureGroup(1)).getByRole('progressbar')).toHaveValue(40);
    expect(within(pictureGroup(1)).getByText('40%')).toBeInTheDocument();
    expect(tweetButton()).toBeDisabled();

    await first!.respond();
    expect(await within(pictureGroup(1)).findByText('Processing…')).toBeInTheDocument();
    // One still going up: not yet.
    expect(tweetButton()).toBeDisabled();
    second!.progress(100, 100);
    await second!.respond();
    await waitFor(() => expect(tweetButton()).toBeEnabled());

    // The multipart POST went with the CSRF header, the file under `file`.
    expect(first!.method).toBe('POST');
    expect(first!.url).toMatch(/\/api\/v2\/media$/);
    expect(first!.headers.get('x-csrf-token')).toBe('token-1');
    expect(first!.body?.get('file')).toMatchObject({ name: 'one.png', type: 'image/png' });

    // Pictures alone make a tweet, posted in the order shown (processing is fine).
    await user.click(tweetButton());
    await waitFor(() => expect(server.calls('POST /api/v2/tweets')).toHaveLength(1));
    expect(await jsonOf(server.calls('POST /api/v2/tweets')[0])).toEqual({
      body: '',
      media_ids: [media[0]!.id, media[1]!.id],
    });
    // The draft empties, and its thumbnails are freed.
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Picture 1' })).not.toBeInTheDocument());
    expect(revoked).toEqual(['blob:thumbnail-1', 'blob:thumbnail-2']);
  });

  it('polls a processing picture until it is ready, and says why one failed', async () => {
    const media: MediaAttachment[] = [];
    const server = serverWith({ user: ada, media, processing: 'manual' });
    const { user } = await home(server);

    await user.upload(picker(), [png('one.png'), png('two.png')]);
    expect(await within(pictureGroup(1)).findByText('Processing…')).toBeInTheDocument();
    await waitFor(() => expect(media).toHaveLength(2));
    finishProcessing(media[0]!);
    Object.assign(media[1]!, { state: 'failed', reason: 'The picture is larger than 40 megapixels.' });

    await waitFor(() => expect(within(pictureGroup(1)).queryByText('Processing…')).not.toBeInTheDocument(), {
      timeout: 3000,
    });
    expect(await within(pictureGroup(2)).findByRole('alert')).toHaveTextContent(
      'The picture is larger than 40 megapixels.',
    );
    expect(server.calls(`GET /api/v2/media/${media[0]!.id}`).length).toBeGreaterThan(0);
    // A failed picture holds the tweet back until it is removed.
    expect(tweetButton()).toBeDisabled();
    await user.click(within(pictureGroup(2)).getByRole('button', { name: 'Remove picture' }));
    expect(tweetButton()).toBeEnabled();
  });

  it('refuses a fifth picture, and anything that is not a picture, with a message', async () => {
    const { user } = await home(serverWith({ user: ada }));
    await user.upload(picker(), [png('1.png'), png('2.png'), png('3.png'), png('4.png'), png('5.png')]);
    expect(screen.getAllByRole('group', { name: /^Picture \d$/ })).toHaveLength(4);
    expect(screen.getByText('A tweet can have up to 4 pictures.')).toBeInTheDocument();

    await user.click(within(pictureGroup(4)).getByRole('button', { name: 'Remove picture' }));
    expect(screen.queryByText('A tweet can have up to 4 pictures.')).not.toBeInTheDocument();
    // The file input only offers pictures; a drop may bring anything.
    drop(screen.getByLabelText("What's happening?"), [new File(['hello'], 'notes.txt', { type: 'text/plain' })]);
    expect(screen.getByText('Only JPEG, PNG, WebP and GIF pictures can be attached.')).toBeInTheDocument();
    expect(screen.getAllByRole('group', { name: /^Picture \d$/ })).toHaveLength(3);
  });

  it('removes a picture, stopping its upload and freeing its thumbnail', async () => {
    const server = serverWith({ user: ada });
    const { user } = await home(server);
    FakeXhr.manual = true;
    await user.type(screen.getByLabelText("What's happening?"), 'Look');
    await user.upload(picker(), [png('one.png')]);
    expect(tweetButton()).toBeDisabled();

    await user.click(within(pictureGroup(1)).getByRole('button', { name: 'Remove picture' }));
    expect(screen.queryByRole('group', { name: 'Picture 1' })).not.toBeInTheDocument();
    expect(FakeXhr.latest().aborted).toBe(true);
    expect(revoked).toEqual(['blob:thumbnail-1']);
    expect(tweetButton()).toBeEnabled();
  });

  it("shows the server's reason when it refuses an upload", async () => {
    const server = serverWith({ user: ada });
    server.on('POST /api/v2/media', () => problem(422, 'The file says PNG but its bytes are not a picture.'));
    const { user } = await home(server);
    await user.type(screen.getByLabelText("What's happening?"), 'Look');
    await user.upload(picker(), [png('fake.png')]);
    expect(await within(pictureGroup(1)).findByRole('alert')).toHaveTextContent(
      'The file says PNG but its bytes are not a picture.',
    );
    expect(tweetButton()).toBeDisabled();
  });

  it('saves the alt text with the picture before the tweet is posted', async () => {
    const media: MediaAttachment[] = [];
    const server = serverWith({ user: ada, media });
    const { user } = await home(server);
    await user.type(screen.getByLabelText("What's happening?"), 'A heron');
    await user.upload(picker(), [png('heron.png')]);
    await waitFor(() => expect(tweetButton()).toBeEnabled());

    const alt = within(pictureGroup(1)).getByLabelText('Description (alt text)');
    expect(alt).toHaveAttribute('maxlength', '1500');
    await user.type(alt, 'A grey heron standing in reeds');
    await user.click(tweetButton());

    await waitFor(() => expect(server.calls('POST /api/v2/tweets')).toHaveLength(1));
    const puts = server.calls(`PUT /api/v2/media/${media[0]!.id}`);
    expect(puts).toHaveLength(1);
    expect(await jsonOf(puts[0])).toEqual({ description: 'A grey heron standing in reeds' });
    expect(await jsonOf(server.calls('POST /api/v2/tweets')[0])).toEqual({
      body: 'A heron',
      media_ids: [media[0]!.id],
    });
    // The posted tweet shows its picture with that alt text.
    const posted = await screen.findByRole('img', { name: 'A grey heron standing in reeds' }, { timeout: 3000 });
    expect(posted.closest('article')).toHaveTextContent('A heron');
  });

  it('attaches pictures dropped on the box or pasted into it', async () => {
    const { user } = await home(serverWith({ user: ada }));
    const box = screen.getByLabelText("What's happening?");
    drop(box, [png('dropped.png')]);
    expect(pictureGroup(1)).toBeInTheDocument();
    await user.click(box);
    await user.paste({ files: [png('pasted.png')] } as unknown as DataTransfer);
    expect(pictureGroup(2)).toBeInTheDocument();
  });
});
