/*
 * Search text, built in TypeScript so it behaves the same on PGlite and PostgreSQL.
 *
 * Accent folding needs `unaccent`, which may be missing, and PostgreSQL's text-search
 * parser and case folding depend on the database's locale. So neither is used: text is
 * normalized here, cut into words here, and handed to the database as tsvector and
 * tsquery literals that contain nothing but quoted words of letters and digits (the
 * `simple` configuration's behaviour, with no parser or dictionary in between). User
 * input thus never reaches SQL (the literals are bind parameters) nor tsquery syntax
 * (every operator, quote and backslash has been cut out as a non-word character).
 */

/** A tsvector weight: A ranks highest, D lowest (ts_rank's default weights 1, 0.4, 0.2, 0.1). */
export type Weight = 'A' | 'B' | 'C' | 'D';

/** Longer words are cut to this many code points, in documents and queries alike (a lexeme must stay under 2 KB). */
export const MAX_WORD_LENGTH = 100;
/** The highest position a tsvector can hold. */
const MAX_POSITION = 16383;

/** Compatibility-decomposed, marks stripped, lower case: `Café`, `CAFÉ` and `cafe` are one. */
export const normalizeText = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

const truncate = (word: string): string =>
  word.length <= MAX_WORD_LENGTH ? word : [...word].slice(0, MAX_WORD_LENGTH).join('');

/** The words of a text: its runs of letters and digits, normalized. Everything else separates them. */
export const words = (text: string): string[] =>
  normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map(truncate);

/**
 * The words of a name-like token (a username, a hashtag), plus all of it run together,
 * so `ada_lovelace` is found by `ada`, by `lovelace` and by `adalove`.
 */
export function tokenWords(token: string): string[] {
  const parts = words(token);
  return parts.length > 1 ? [...parts, truncate(parts.join(''))] : parts;
}

/** One part of a document: its words, all with the same weight. */
export interface DocumentPart {
  words: string[];
  weight: Weight;
}

/**
 * A tsvector literal (`'word':1A 'other':2C`) for the parts, positions counted across
 * them in order (ts_rank uses them for how close the words of a query are).
 */
export function documentOf(parts: DocumentPart[]): string {
  const entries: string[] = [];
  let position = 0;
  for (const { words: list, weight } of parts) {
    for (const word of list) {
      position = Math.min(position + 1, MAX_POSITION);
      entries.push(`'${word}':${position}${weight}`);
    }
  }
  return entries.join(' ');
}

/**
 * The tsquery literal for what a user typed: every word is required (`&`) and matches
 * as a prefix (`star` finds `starling`). Undefined when there is no word in it at all
 * (`!!!`), which matches nothing.
 */
export function searchQuery(q: string): string | undefined {
  const terms = [...new Set(words(q))];
  return terms.length > 0 ? terms.map((term) => `'${term}':*`).join(' & ') : undefined;
}

/** What may be searched for: 1 to 200 characters (code points) once trimmed. */
export const MAX_QUERY_LENGTH = 200;

/** The trimmed search text, or undefined when it is empty or too long. */
export function searchText(q: string): string | undefined {
  const trimmed = q.trim();
  const length = [...trimmed].length;
  return length >= 1 && length <= MAX_QUERY_LENGTH ? trimmed : undefined;
}
