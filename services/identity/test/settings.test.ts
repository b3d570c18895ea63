import { ConfigError } from '@starling/kit';
import { describe, expect, it } from 'vitest';
import { identitySettings, loginRateLimit } from '../src/settings.js';

describe('identitySettings', () => {
  it('has working defaults', () => {
    expect(loginRateLimit(identitySettings({}))).toEqual({ attempts: 10, windowSeconds: 300 });
  });

  it.each([
    ['LOGIN_RATE_LIMIT', 'ten'],
    ['SIGNUP_RATE_LIMIT', '20'],
    ['COOKIE_SECURE', 'maybe'],
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
