export const MAX_TWEET_LENGTH = 280;

/**
 * Counts like the server does: code points of the trimmed text, so an emoji is one
 * character and surrounding whitespace is free.
 */
export function tweetLength(text: string): number {
  return [...text.trim()].length;
}

export function charactersLeft(text: string): number {
  return MAX_TWEET_LENGTH - tweetLength(text);
}

export function isTweetable(text: string): boolean {
  const length = tweetLength(text);
  return length > 0 && length <= MAX_TWEET_LENGTH;
}

export function describeCharactersLeft(left: number): string {
  if (left >= 0) return `${left} ${left === 1 ? 'character' : 'characters'} left`;
  const over = -left;
  return `${over} ${over === 1 ? 'character' : 'characters'} over the limit`;
}
