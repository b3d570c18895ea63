import { describe, expect, it } from 'vitest';
import {
  documentOf,
  MAX_WORD_LENGTH,
  normalizeText,
  searchQuery,
  searchText,
  tokenWords,
  words,
} from '../src/search/text.js';

describe('normalizeText', () => {
  it('folds case and accents, composed or not', () => {
    expect(normalizeText('Café')).toBe('cafe');
    expect(normalizeText('CAFÉ')).toBe('cafe');
    expect(normalizeText('Cafe\u0301')).toBe('cafe');
    expect(normalizeText('Ångström Øresund İstanbul')).toBe('angstrom øresund istanbul');
  });

  it('takes compatibility forms apart', () => {
    expect(normalizeText('ﬁne Ｓｔａｒ ²')).toBe('fine star 2');
  });
});

describe('words', () => {
  it('are the runs of letters and digits, in any script', () => {
    expect(words('Hello, wörld! #Rust @ada_l 2024 日本語 ')).toEqual([
      'hello',
      'world',
      'rust',
      'ada',
      'l',
      '2024',
      '日本語',
    ]);
  });

  it('drop every quote, backslash, operator and emoji', () => {
    expect(words(`'); drop table users; --`)).toEqual(['drop', 'table', 'users']);
    expect(words(String.raw`a & b | !c:* <-> 'd' \e 🐦`)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(words('   ')).toEqual([]);
  });

  it('cut very long words (and NFKD expansions) to a bounded length', () => {
    expect(words('x'.repeat(500))).toEqual(['x'.repeat(MAX_WORD_LENGTH)]);
    for (const w of words('\uFDFA'.repeat(200))) expect([...w].length).toBeLessThanOrEqual(MAX_WORD_LENGTH);
  });
});

describe('tokenWords', () => {
  it('adds the whole token run together when it has several words', () => {
    expect(tokenWords('Ada_Lovelace')).toEqual(['ada', 'lovelace', 'adalovelace']);
    expect(tokenWords('rust')).toEqual(['rust']);
  });
});

describe('documentOf', () => {
  it('numbers positions across the parts and labels each word with its weight', () => {
    expect(
      documentOf([
        { words: ['ada'], weight: 'A' },
        { words: [], weight: 'B' },
        { words: ['likes', 'rust'], weight: 'C' },
      ]),
    ).toBe("'ada':1A 'likes':2C 'rust':3C");
    expect(documentOf([])).toBe('');
  });
});

describe('searchQuery', () => {
  it('requires every word, each as a prefix', () => {
    expect(searchQuery('Star  café')).toBe("'star':* & 'cafe':*");
    expect(searchQuery('rust RUST Rust')).toBe("'rust':*");
  });

  it('turns operator-laden or hostile input into plain words', () => {
    expect(searchQuery('a & b | !c:*')).toBe("'a':* & 'b':* & 'c':*");
    expect(searchQuery(`'); drop table`)).toBe("'drop':* & 'table':*");
    expect(searchQuery(String.raw`\' '' \\`)).toBeUndefined();
  });

  it('is undefined when there is no word at all', () => {
    expect(searchQuery('!!! ... ---')).toBeUndefined();
    expect(searchQuery('🐦🐦')).toBeUndefined();
  });

  it('only ever quotes letters and digits', () => {
    const hostile = String.raw`'"\:*&|!()<->` + '\u0000\u200b';
    const query = searchQuery(`x${hostile}y${hostile}z`)!;
    expect(query).toBe("'x':* & 'y':* & 'z':*");
  });
});

describe('searchText', () => {
  it('is the trimmed text when 1 to 200 characters long', () => {
    expect(searchText('  star  ')).toBe('star');
    expect(searchText(' \t\n ')).toBeUndefined();
    expect(searchText('')).toBeUndefined();
    expect(searchText(`  ${'x'.repeat(200)}  `)).toHaveLength(200);
    expect(searchText('x'.repeat(201))).toBeUndefined();
  });

  it('counts characters, not UTF-16 units', () => {
    expect(searchText('🐦'.repeat(200))).toBeDefined();
    expect(searchText('🐦'.repeat(201))).toBeUndefined();
  });
});
