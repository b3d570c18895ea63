import type { TweetEntities } from '@starling/sdk';
import { escapeHtml } from './html.js';
import { accountUrl, tagUrl, type Site } from './site.js';

/** A link in a tweet's text: scheme, then anything up to a space or a character that ends markup. */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/g;
/** Punctuation that ends a sentence rather than a URL ("see https://x.example."). */
const TRAILING = /[.,;:!?)\]}'"]+$/;

/**
 * A tweet's body as Mastodon's `content`: HTML built from Starling's entities, as
 * Mastodon renders a local status. Mentions link to the account's page in an h-card,
 * hashtags to the tag's page with rel="tag", URLs to themselves; everything else is
 * escaped. A blank line starts a new paragraph, a line break is `<br />`.
 */
export function statusContent(body: string, entities: TweetEntities, site: Site): string {
  // Offsets count code points, so the body is split into code points first.
  const points = Array.from(body);
  const marks = [
    ...entities.mentions.map((m) => ({ start: m.start, end: m.end, html: mentionHtml(m.username, site) })),
    ...entities.hashtags.map((h) => ({ start: h.start, end: h.end, html: hashtagHtml(h.tag, site) })),
  ].sort((a, b) => a.start - b.start);
  let html = '';
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at || mark.end > points.length) continue; // overlapping or stale: shown as text
    html += textHtml(points.slice(at, mark.start).join(''));
    html += mark.html;
    at = mark.end;
  }
  html += textHtml(points.slice(at).join(''));
  return html === '' ? '' : `<p>${html}</p>`;
}

function mentionHtml(username: string, site: Site): string {
  const href = escapeHtml(accountUrl(site, username));
  return `<span class="h-card" translate="no"><a href="${href}" class="u-url mention">@<span>${escapeHtml(username)}</span></a></span>`;
}

function hashtagHtml(tag: string, site: Site): string {
  const href = escapeHtml(tagUrl(site, tag));
  return `<a href="${href}" class="mention hashtag" rel="tag">#<span>${escapeHtml(tag)}</span></a>`;
}

/** Text between entities: URLs linked, the rest escaped, paragraphs and line breaks kept. */
function textHtml(text: string): string {
  let html = '';
  let at = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING, '');
    html += breaks(escapeHtml(text.slice(at, match.index)));
    html += linkHtml(url);
    at = match.index + url.length;
  }
  return html + breaks(escapeHtml(text.slice(at)));
}

function linkHtml(url: string): string {
  const href = escapeHtml(url);
  const shown = /^(https?:\/\/)(.*)$/.exec(url)!;
  return (
    `<a href="${href}" target="_blank" rel="nofollow noopener noreferrer" translate="no">` +
    `<span class="invisible">${escapeHtml(shown[1]!)}</span><span class="">${escapeHtml(shown[2]!)}</span></a>`
  );
}

const breaks = (html: string) => html.replace(/\n{2,}/g, '</p><p>').replace(/\n/g, '<br />');
