import { describe, expect, it } from 'vitest';
import { parseEntities, tagKey } from '../src/entities.js';

const textOf = (body: string, e: { start: number; end: number }) => [...body].slice(e.start, e.end).join('');

describe('parseEntities', () => {
  it('finds hashtags and mentions with code point offsets', () => {
    const body = 'Hi @ada, see #Starling and #café!';
    const { hashtags, mentions } = parseEntities(body);
    expect(mentions).toEqual([{ username: 'ada', start: 3, end: 7 }]);
    expect(hashtags.map((h) => h.tag)).toEqual(['Starling', 'café']);
    for (const e of [...hashtags, ...mentions]) expect(textOf(body, e)).toMatch(/^[#@]/);
    expect(textOf(body, hashtags[1]!)).toBe('#café');
  });

  it('counts an emoji as one character, so offsets after it stay right', () => {
    const body = '🐦🐦 #日本語 @bob_2';
    const { hashtags, mentions } = parseEntities(body);
    expect(hashtags).toEqual([{ tag: '日本語', start: 3, end: 7 }]);
    expect(mentions).toEqual([{ username: 'bob_2', start: 8, end: 14 }]);
    expect(textOf(body, mentions[0]!)).toBe('@bob_2');
  });

  it('keeps a tag written with a combining accent whole', () => {
    const body = '#cafe\u0301 time';
    expect(parseEntities(body).hashtags).toEqual([{ tag: 'cafe\u0301', start: 0, end: 6 }]);
    expect(tagKey('CAFE\u0301')).toBe(tagKey('café'));
  });

  it('does not take an email address, a word-joined sign or a number for an entity', () => {
    const { hashtags, mentions } = parseEntities('mail email@example.com or a#b, #123, &#8203; @ab @x');
    expect(mentions).toEqual([]);
    expect(hashtags).toEqual([]);
  });

  it('refuses a mention longer than a username can be, and one glued to another @', () => {
    expect(parseEntities(`@${'a'.repeat(31)} @ada@host`).mentions).toEqual([]);
    expect(parseEntities(`@${'a'.repeat(30)}`).mentions).toHaveLength(1);
  });

  it('ends an entity at punctuation and reads several in a row', () => {
    const body = '(#one),#two;@ada:@bob. #a_b';
    const { hashtags, mentions } = parseEntities(body);
    expect(hashtags.map((h) => textOf(body, h))).toEqual(['#one', '#two', '#a_b']);
    expect(mentions.map((m) => textOf(body, m))).toEqual(['@ada', '@bob']);
  });
});
