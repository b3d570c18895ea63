import { ConfigError } from '@starling/kit';
import { describe, expect, it } from 'vitest';
import { accountMailRateLimit, identitySettings, loginRateLimit, passwordResetRateLimit } from '../src/settings.js';

describe('identitySettings', () => {
  it('has working defaults', () => {
    expect(loginRateLimit(identitySettings({}))).toEqual({ attempts: 10, windowSeconds: 300 });
    const settings = identitySettings({});
    expect(settings.PASSWORD_RESET_TTL).toBe(3600);
    expect(settings.EMAIL_CONFIRMATION_TTL).toBe(7 * 24 * 3600);
    expect(passwordResetRateLimit(settings)).toEqual({ attempts: 10, windowSeconds: 3600 });
    expect(accountMailRateLimit(settings)).toEqual({ attempts: 3, windowSeconds: 3600 });
  });

  it.each([
    ['LOGIN_RATE_LIMIT', 'ten'],
    ['SIGNUP_RATE_LIMIT', '20'],
    ['COOKIE_SECURE', 'maybe'],
    ['PASSWORD_RESET_TTL', '0'],
    ['EMAIL_CONFIRMATION_TTL', 'a week'],
    ['PASSWORD_RESET_RATE_LIMIT', '10'],
    ['ACCOUNT_MAIL_RATE_LIMIT', 'three'],
  ])('names %s=%s in one line when it is invalid', (name, value) => {
    let message = '';
    try {
      identitySettings({ [name]: value });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toContain(name);
    expect(message).toContain(value);
    expect(message).not.toContain('\n');
  });
});
