import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Tweet } from '../api/use-tweets.js';

interface Span {
  start: number;
  end: number;
  to: string;
}

/** Where each hashtag and mention in the body leads, in order, dropping any that overlap or fall outside it. */
function linkedSpans(tweet: Tweet, length: number): Span[] {
  const entities = tweet.entities ?? { hashtags: [], mentions: [] };
  const spans: Span[] = [
    ...entities.hashtags.map((h) => ({ start: h.start, end: h.end, to: `/tags/${encodeURIComponent(h.tag)}` })),
    ...entities.mentions.map((m) => ({ start: m.start, end: m.end, to: `/u/${encodeURIComponent(m.username)}` })),
  ].sort((a, b) => a.start - b.start);
  const kept: Span[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at || span.end > length || span.start >= span.end) continue;
    kept.push(span);
    at = span.end;
  }
  return kept;
}

/**
 * The body as text with its hashtags and mentions as links. The API's offsets count
 * code points, so the body is sliced as an array of them; everything stays React text
 * (never HTML), so whatever someone typed is shown as typed.
 */
export function TweetBody({ tweet }: { tweet: Tweet }) {
  // A tweet of pictures alone has no text to show.
  if (!tweet.body) return null;
  const chars = [...tweet.body];
  const parts: ReactNode[] = [];
  let at = 0;
  for (const span of linkedSpans(tweet, chars.length)) {
    if (span.start > at) parts.push(chars.slice(at, span.start).join(''));
    parts.push(
      <Link key={span.start} to={span.to}>
        {chars.slice(span.start, span.end).join('')}
      </Link>,
    );
    at = span.end;
  }
  if (at < chars.length) parts.push(chars.slice(at).join(''));
  return <p className="tweet-body">{parts}</p>;
}
