import { describe, expect, it } from 'vitest';
import { charactersLeft, describeCharactersLeft, isTweetable, tweetLength } from '../src/lib/tweet-length.js';

describe('tweet length', () => {
  it('ignores surrounding whitespace, as the server does', () => {
    expect(tweetLength('  hello \n')).toBe(5);
    expect(tweetLength('   ')).toBe(0);
  });

  it('counts an emoji as one character', () => {
    expect(tweetLength('🐦')).toBe(1);
    expect(tweetLength('🐦'.repeat(280))).toBe(280);
    expect(isTweetable('🐦'.repeat(280))).toBe(true);
  });

  it('accepts 1 to 280 characters and nothing else', () => {
    expect(isTweetable('')).toBe(false);
    expect(isTweetable(' \t\n ')).toBe(false);
    expect(isTweetable('a')).toBe(true);
    expect(isTweetable('a'.repeat(280))).toBe(true);
    expect(isTweetable('a'.repeat(281))).toBe(false);
    expect(isTweetable(` ${'a'.repeat(280)} `)).toBe(true);
  });

  it('says how many characters are left, or how far over the limit it is', () => {
    expect(charactersLeft('')).toBe(280);
    expect(charactersLeft('a'.repeat(281))).toBe(-1);
    expect(describeCharactersLeft(280)).toBe('280 characters left');
    expect(describeCharactersLeft(1)).toBe('1 character left');
    expect(describeCharactersLeft(0)).toBe('0 characters left');
    expect(describeCharactersLeft(-1)).toBe('1 character over the limit');
    expect(describeCharactersLeft(-20)).toBe('20 characters over the limit');
  });
});
