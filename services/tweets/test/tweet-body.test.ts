import { describe, expect, it } from 'vitest';
import { tweetBody } from '../src/domain/tweet.js';

describe('tweetBody', () => {
  it('trims, and keeps 1 to 280 characters', () => {
    expect(tweetBody('  hello \n')).toBe('hello');
    expect(tweetBody('x'.repeat(280))).toHaveLength(280);
    expect(tweetBody('x'.repeat(281))).toBeUndefined();
    expect(tweetBody('   \t\n')).toBeUndefined();
    expect(tweetBody('')).toBeUndefined();
  });

  it('counts characters, not UTF-16 units', () => {
    expect(tweetBody('🐦'.repeat(280))).toBeDefined();
    expect(tweetBody('🐦'.repeat(281))).toBeUndefined();
  });
});
