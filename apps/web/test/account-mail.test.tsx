import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ada, problem, serverWith } from './support/fake-server.js';
import { renderApp } from './support/render-app.js';

const accepted = () => new Response(null, { status: 202 });
const done = () => new Response(null, { status: 204 });
const badToken = () => problem(400, 'The request is not valid.', [{ field: 'token', reason: 'is unknown' }]);

describe('a forgotten password', () => {
  it('is reached from the login page', async () => {
    renderApp('/login', serverWith({ user: null }));
    expect(await screen.findByRole('link', { name: 'Forgot password?' })).toHaveAttribute('href', '/forgot-password');
  });

  it('mails a link to the address given, saying the same whether or not it has an account', async () => {
    const server = serverWith({ user: null }).on('POST /api/v1/auth/password_reset', accepted);
    const { user } = renderApp('/forgot-password', server);
    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send the link' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'If an account uses ada@example.com, a link to set a new password is on its way there.',
    );
    expect(await server.calls('POST /api/v1/auth/password_reset')[0]!.json()).toEqual({ email: 'ada@example.com' });
  });

  it('says when one client has asked too often', async () => {
    const server = serverWith({ user: null }).on('POST /api/v1/auth/password_reset', () =>
      problem(429, 'Too many password-reset requests. Try later.', undefined, { 'retry-after': '60' }),
    );
    const { user } = renderApp('/forgot-password', server);
    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send the link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many requests from here. Try again later.');
  });

  it('is set with the link’s token, typed twice alike', async () => {
    const server = serverWith({ user: null }).on('POST /api/v1/auth/password_reset/confirm', done);
    const { user } = renderApp('/reset-password?token=abc_123', server);
    await user.type(await screen.findByLabelText('New password'), 'a new secret');
    await user.type(screen.getByLabelText('New password again'), 'a new secreT');
    await user.click(screen.getByRole('button', { name: 'Set the password' }));
    expect(screen.getByLabelText('New password again')).toHaveAccessibleDescription('The two passwords differ');
    expect(server.calls('POST /api/v1/auth/password_reset/confirm')).toHaveLength(0);

    await user.clear(screen.getByLabelText('New password again'));
    await user.type(screen.getByLabelText('New password again'), 'a new secret');
    await user.click(screen.getByRole('button', { name: 'Set the password' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Your password is changed');
    expect(screen.getByRole('link', { name: 'Log in with your new password' })).toHaveAttribute('href', '/login');
    expect(await server.calls('POST /api/v1/auth/password_reset/confirm')[0]!.json()).toEqual({
      token: 'abc_123',
      password: 'a new secret',
    });
  });

  it('shows the password rules next to the field', async () => {
    const server = serverWith({ user: null }).on('POST /api/v1/auth/password_reset/confirm', () =>
      problem(400, 'The request is not valid.', [
        { field: 'password', reason: 'must NOT have fewer than 8 characters' },
      ]),
    );
    const { user } = renderApp('/reset-password?token=abc', server);
    await user.type(await screen.findByLabelText('New password'), 'short');
    await user.type(screen.getByLabelText('New password again'), 'short');
    await user.click(screen.getByRole('button', { name: 'Set the password' }));
    await waitFor(() =>
      expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
        'At least 8 characters. New password must be at least 8 characters',
      ),
    );
  });

  it('offers a new link when the one followed no longer works', async () => {
    const server = serverWith({ user: null }).on('POST /api/v1/auth/password_reset/confirm', badToken);
    const { user } = renderApp('/reset-password?token=used', server);
    await user.type(await screen.findByLabelText('New password'), 'a new secret');
    await user.type(screen.getByLabelText('New password again'), 'a new secret');
    await user.click(screen.getByRole('button', { name: 'Set the password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This link no longer works');
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password');
  });
});

describe('confirming an email address', () => {
  it('happens on opening the mailed link, once', async () => {
    const server = serverWith({ user: null }).on('POST /api/v1/auth/email_confirmation/confirm', done);
    renderApp('/verify-email?token=tok_1', server);
    expect(await screen.findByRole('status')).toHaveTextContent('your email address is confirmed');
    const calls = server.calls('POST /api/v1/auth/email_confirmation/confirm');
    expect(calls).toHaveLength(1);
    expect(await calls[0]!.json()).toEqual({ token: 'tok_1' });
  });

  it('says so when the link no longer works', async () => {
    renderApp(
      '/verify-email?token=old',
      serverWith({ user: null }).on('POST /api/v1/auth/email_confirmation/confirm', badToken),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('This link no longer works');
  });

  it('is asked of the signed-in person whose address is unconfirmed, who can have the link mailed again', async () => {
    const server = serverWith({ user: { ...ada, email_verified: false } }).on(
      'POST /api/v1/auth/email_confirmation',
      accepted,
    );
    const { user } = renderApp('/profile', server);
    const notice = await screen.findByRole('region', { name: 'Email not confirmed' });
    expect(notice).toHaveTextContent('Email not confirmed: follow the link we mailed to ada@example.com.');
    await user.click(screen.getByRole('button', { name: 'Resend the link' }));
    expect(await screen.findByRole('status')).toHaveTextContent('A new link is on its way.');
    expect(server.calls('POST /api/v1/auth/email_confirmation')).toHaveLength(1);
  });

  it('says how long to wait when links were mailed too often', async () => {
    const server = serverWith({ user: { ...ada, email_verified: false } }).on(
      'POST /api/v1/auth/email_confirmation',
      () => problem(429, 'Try later.', undefined, { 'retry-after': '1500' }),
    );
    const { user } = renderApp('/profile', server);
    await user.click(await screen.findByRole('button', { name: 'Resend the link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 25 minutes.');
  });

  it('is not asked of one whose address is confirmed', async () => {
    renderApp('/profile', serverWith({ user: { ...ada, email_verified: true } }));
    expect(await screen.findByLabelText('Name')).toHaveValue('Ada Lovelace');
    expect(screen.queryByRole('region', { name: 'Email not confirmed' })).not.toBeInTheDocument();
  });
});
