import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ada, json, problem, serverWith } from './support/fake-server.js';
import { renderApp } from './support/render-app.js';

const defaults = { follow: 'immediate', mention: 'immediate', reply: 'immediate', like: 'off', repost: 'off' };

describe('email settings', () => {
  it('shows each type’s setting and saves a change with the version it read', async () => {
    const server = serverWith({ user: ada })
      .on('GET /api/v2/notifications/preferences', () => json({ email: defaults }, { headers: { etag: '"3"' } }))
      .on('PUT /api/v2/notifications/preferences', () =>
        json({ email: { ...defaults, like: 'digest' } }, { headers: { etag: '"4"' } }),
      );
    const { user } = renderApp('/settings', server);
    const like = await screen.findByLabelText('Someone likes your tweet');
    expect(like).toHaveValue('off');
    expect(screen.getByLabelText('Someone follows you')).toHaveValue('immediate');
    await user.selectOptions(like, 'Daily digest');
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    const [put] = server.calls('PUT /api/v2/notifications/preferences');
    expect(put!.headers.get('if-match')).toBe('"3"');
    expect(await put!.json()).toEqual({ email: { like: 'digest' } });
    expect(screen.getByLabelText('Someone likes your tweet')).toHaveValue('digest');
  });
});

describe('the administration part of the settings', () => {
  const withPreferences = () =>
    serverWith({ user: ada }).on('GET /api/v2/notifications/preferences', () => json({ email: defaults }));

  it('links an admin to the mail Starling has sent', async () => {
    renderApp(
      '/settings',
      withPreferences().on('GET /api/v2/mail', () => json({ mail: [] })),
    );
    expect(await screen.findByRole('link', { name: 'Mail Starling has sent' })).toHaveAttribute('href', '/admin/mail');
  });

  it('is not there for someone the mail list refuses', async () => {
    const server = withPreferences().on('GET /api/v2/mail', () => problem(403, 'Only admins read the mail.'));
    renderApp('/settings', server);
    await screen.findByLabelText('Someone likes your tweet');
    await waitFor(() => expect(server.calls('GET /api/v2/mail')).toHaveLength(1));
    expect(screen.queryByRole('heading', { name: 'Administration' })).not.toBeInTheDocument();
  });
});

describe('the unsubscribe page', () => {
  it('changes nothing until the button is pressed, then posts the one-click form', async () => {
    const server = serverWith({ user: null }).on('POST /api/v2/mail/unsubscribe', () => json({ types: ['follow'] }));
    const { user } = renderApp('/unsubscribe?token=abc.def', server);
    const button = await screen.findByRole('button', { name: 'Unsubscribe' });
    expect(server.calls('POST /api/v2/mail/unsubscribe')).toHaveLength(0);
    await user.click(button);
    expect(await screen.findByRole('status')).toHaveTextContent('will not mail you about follow notifications');
    const [post] = server.calls('POST /api/v2/mail/unsubscribe');
    expect(new URL(post!.url).searchParams.get('token')).toBe('abc.def');
    expect(post!.headers.get('content-type')).toMatch(/application\/x-www-form-urlencoded/);
    expect(await post!.text()).toBe('List-Unsubscribe=One-Click');
  });
});

describe('the admin mail page', () => {
  it('lists the mail and opens one to its text', async () => {
    const mail = {
      id: 'm1',
      template: 'notification',
      to: 'ada@example.com',
      subject: 'Bob (@bob) followed you on Starling',
      status: 'failed',
      attempts: 1,
      error: '550 5.1.1 No such mailbox',
      idempotency_key: 'notification-n1',
      created_at: '2026-12-05T10:00:00.000Z',
    };
    const server = serverWith({ user: ada })
      .on('GET /api/v2/mail', () => json({ mail: [mail] }))
      .on('GET /api/v2/mail/:id', () => json({ ...mail, text: 'Hi Ada,\n\nBob followed you.', html: '<p>x</p>' }));
    const { user } = renderApp('/admin/mail', server);
    expect(await screen.findByText(/failed: 550 5.1.1 No such mailbox/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: mail.subject }));
    expect(await screen.findByText(/Bob followed you\./)).toBeInTheDocument();
  });

  it('says so when the caller is no admin', async () => {
    const server = serverWith({ user: ada }).on('GET /api/v2/mail', () =>
      problem(403, 'Only an admin may read the mail.'),
    );
    renderApp('/admin/mail', server);
    expect(await screen.findByRole('alert')).toHaveTextContent('Couldn');
  });
});
