import { describe, expect, it } from 'vitest';
import { renderMail } from '../../src/mail/templates/index.js';

const links = {
  publicUrl: 'https://starling.test',
  unsubscribeUrl: 'https://starling.test/unsubscribe?token=a.b',
};
const hostile = '<script>alert("x")</script>';

describe('mail templates', () => {
  it('escapes a hostile name and tweet in HTML and keeps them as written in the text', () => {
    const mail = renderMail(
      'notification',
      {
        type: 'reply',
        recipient_name: hostile,
        actor_name: `Mal ${hostile}`,
        actor_username: 'mal',
        tweet_id: 't1',
        tweet_body: `look <img src=x onerror=alert(1)> & "quotes"`,
      },
      links,
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.html).toContain('&amp; &quot;quotes&quot;');
    expect(mail.text).toContain(`Hi ${hostile},`);
    expect(mail.text).toContain('https://starling.test/t/t1');
    expect(mail.text).toContain(links.unsubscribeUrl);
  });

  it('keeps the subject to one line, whatever the name holds', () => {
    const mail = renderMail(
      'notification',
      { type: 'follow', recipient_name: 'Ada', actor_name: 'Eve\r\nBcc: victim@example.com', actor_username: 'eve' },
      links,
    );
    expect(mail.subject).toBe('Eve Bcc: victim@example.com (@eve) followed you on Starling');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('says what happened for each notification type', () => {
    const said = (type: string) =>
      renderMail('notification', { type, recipient_name: 'Ada', actor_name: 'Bob', actor_username: 'bob' }, links)
        .subject;
    expect(said('follow')).toBe('Bob (@bob) followed you on Starling');
    expect(said('mention')).toBe('Bob (@bob) mentioned you on Starling');
    expect(said('reply')).toBe('Bob (@bob) replied to your tweet on Starling');
    expect(said('like')).toBe('Bob (@bob) liked your tweet on Starling');
    expect(said('repost')).toBe('Bob (@bob) reposted your tweet on Starling');
    const disabled = renderMail(
      'notification',
      { type: 'webhook_disabled', recipient_name: 'Ada', webhook_id: 'wh1' },
      { publicUrl: 'https://starling.test' },
    );
    expect(disabled.subject).toBe('Your webhook wh1 was turned off after failing repeatedly on Starling');
    expect(disabled.text).not.toContain('unsubscribe');
  });

  it('renders the account mails with their links, escaping the name', () => {
    const confirm = renderMail(
      'confirm-email',
      { username: 'ada', name: hostile },
      { publicUrl: 'https://starling.test', token: 'tok' },
    );
    expect(confirm.text).toContain('https://starling.test/verify-email?token=tok');
    expect(confirm.html).toContain('href="https://starling.test/verify-email?token=tok"');
    expect(confirm.html).not.toContain('<script>');
    const reset = renderMail(
      'password-reset',
      { username: 'ada', name: 'Ada', expires_in_minutes: '15' },
      { publicUrl: 'https://starling.test', token: 'r/1+' },
    );
    expect(reset.text).toContain('https://starling.test/reset-password?token=r%2F1%2B');
    expect(reset.text).toContain('within 15 minutes');
  });

  it('lists every notification of a digest', () => {
    const digest = renderMail(
      'digest',
      {
        recipient_name: 'Ada',
        items: [
          { type: 'like', recipient_name: 'Ada', actor_name: hostile, actor_username: 'mal', tweet_id: 't9' },
          { type: 'follow', recipient_name: 'Ada', actor_name: 'Bob', actor_username: 'bob' },
        ],
      },
      links,
    );
    expect(digest.subject).toBe('Your Starling digest: 2 new notifications');
    expect(digest.text).toContain('liked your tweet');
    expect(digest.text).toContain('Bob (@bob) followed you');
    expect(digest.html).not.toContain('<script>');
    expect(digest.html).toContain('href="https://starling.test/u/bob"');
  });

  it('refuses a template it does not have', () => {
    expect(() => renderMail('newsletter', {}, links)).toThrow(/no mail template "newsletter"/);
  });
});
