import type { TweetEntities } from './index.js';

/*
 * Hashtags and mentions, as a reader sees them. A `#` or `@` starts an entity only at
 * the start of the text or after a character that could not be part of a word, so
 * `email@example.com`, `a#b` and `&#8203;` hold none. Tags are letters, marks, digits
 * and `_` in any script (`#café`, `#日本語`) with at least one letter, as `#1` is a
 * number, not a topic; usernames follow the sign-up rule, 3 to 30 of `A-Z a-z 0-9 _`.
 */
const WORD = String.raw`\p{L}\p{M}\p{N}_`;
const HASHTAG = new RegExp(String.raw`(?<![${WORD}&#])#([${WORD}]{1,100})(?![${WORD}])`, 'gu');
const MENTION = new RegExp(String.raw`(?<![${WORD}@.+\-])@([A-Za-z0-9_]{3,30})(?![${WORD}@])`, 'gu');
const LETTER = /[\p{L}\p{M}]/u;

/** Turns UTF-16 indexes (what RegExp reports) into code point offsets, in one pass. */
function codePointOffsets(text: string): (utf16Index: number) => number {
  const offsets = new Uint32Array(text.length + 1);
  let points = 0;
  for (let i = 0; i < text.length; i++) {
    offsets[i] = points;
    const code = text.charCodeAt(i);
    // A high surrogate and the low one after it are one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) offsets[++i] = points;
    points++;
  }
  offsets[text.length] = points;
  return (index) => offsets[index]!;
}

/** The hashtags and mentions in a tweet's body, in order, with code point offsets. */
export function parseEntities(body: string): TweetEntities {
  const at = codePointOffsets(body);
  const hashtags: TweetEntities['hashtags'] = [];
  for (const match of body.matchAll(HASHTAG)) {
    const tag = match[1]!;
    if (!LETTER.test(tag)) continue;
    hashtags.push({ tag, start: at(match.index), end: at(match.index + match[0].length) });
  }
  const mentions: TweetEntities['mentions'] = [];
  for (const match of body.matchAll(MENTION)) {
    mentions.push({ username: match[1]!, start: at(match.index), end: at(match.index + match[0].length) });
  }
  return { hashtags, mentions };
}

/**
 * The form a hashtag is matched by: case folded and in one Unicode normal form, so
 * `#Café`, `#CAFÉ` and a `#café` typed with a combining accent are one tag.
 */
export const tagKey = (tag: string): string => tag.normalize('NFC').toLowerCase();
