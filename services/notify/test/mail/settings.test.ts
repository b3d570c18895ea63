import { describe, expect, it } from 'vitest';
import { mailSettingsOf } from '../../src/mail/settings.js';
import { notifySettings } from '../../src/settings.js';

describe('mail settings', () => {
  it('has defaults that send nothing anywhere until told', () => {
    const settings = mailSettingsOf({});
    expect(settings.SMTP_URL).toBeUndefined();
    expect(settings.MAIL_FROM).toBe('Starling <no-reply@localhost>');
    expect(settings.PUBLIC_URL).toBe('http://localhost:3000');
    expect(settings.MAIL_DIGEST_INTERVAL_SECONDS).toBe(86_400);
  });

  it('takes smtp:// and smtps:// URLs and a PUBLIC_URL with its trailing slash dropped', () => {
    expect(mailSettingsOf({ SMTP_URL: 'smtps://u:p@mail.example:465' }).SMTP_URL).toBe('smtps://u:p@mail.example:465');
    expect(mailSettingsOf({ PUBLIC_URL: 'https://starling.example/' }).PUBLIC_URL).toBe('https://starling.example');
  });

  it('refuses bad values, naming the variable and what it must be', () => {
    expect(() => notifySettings({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL.*smtp:\/\/ or smtps:\/\//);
    expect(() => notifySettings({ MAIL_FROM: 'Starling <a@b>\r\nBcc: x@y' })).toThrow(/MAIL_FROM.*one line/);
    expect(() => notifySettings({ MAIL_FROM: 'Starling' })).toThrow(/MAIL_FROM.*address/);
    expect(() => notifySettings({ PUBLIC_URL: 'starling.example' })).toThrow(/PUBLIC_URL/);
    expect(() => notifySettings({ MAIL_DIGEST_INTERVAL_SECONDS: '0' })).toThrow(/MAIL_DIGEST_INTERVAL_SECONDS/);
    expect(() => mailSettingsOf({ MAIL_LEASE_SECONDS: '10', MAIL_SEND_TIMEOUT_SECONDS: '30' })).toThrow(
      /MAIL_LEASE_SECONDS.*three times MAIL_SEND_TIMEOUT_SECONDS/,
    );
  });
});
