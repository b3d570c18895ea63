import { describe, expect, it } from 'vitest';
import { tweetBody } from '../../src/domain/tweet.js';

describe('tweetBody', () => {
  it('trims, and keeps 1 to 280 characters', () => {
    expect(tweetBody('  hello \n')).toBe('hello');
    expect(tweetBody('x'.repeat(280))).toHaveLength(280);
    expect(tweetBody('x'.repeat(281))).toBeUndefined();
    expect(tweetBody('   \t\n')).toBeUndefined();
    expect(tweetBody('')).toBeUndefined();
  });

  it('refuses a body of nothing but zero-width and control characters', () => {
    expect(tweetBody('\u200b\u200b')).toBeUndefined();
    expect(tweetBody(' \u200d\u2060\ufeff\u0007 ')).toBeUndefined();
    expect(tweetBody('\u200e\n\u200f')).toBeUndefined();
    expect(tweetBody('a\u200b')).toBe('a\u200b');
    expect(tweetBody('👩\u200d💻')).toBe('👩\u200d💻');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(tweetBody('🐦'.repeat(280))).toBeDefined();
    expect(tweetBody('🐦'.repeat(281))).toBeUndefined();
  });
});
