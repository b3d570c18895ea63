/** Text made safe inside HTML, as element content or a quoted attribute value. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * A subject line from user-supplied parts: one line (no CR, LF or other control
 * character, so nothing can start a header of its own), and not overlong.
 */
export function oneLine(value: string, max = 150): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const flat = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A tweet's text as a mail quotes it: one paragraph, shortened. */
export const excerpt = (body: string, max = 280) => oneLine(body, max);

/** An HTML mail's frame around `body` (already HTML), with `footer` (already HTML) under it. */
export function page(title: string, body: string, footer: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36rem; margin: 0 auto; padding: 1rem;">
${body}
<hr style="border: none; border-top: 1px solid #ddd; margin: 2rem 0 1rem;">
<p style="font-size: 0.85rem; color: #666;">${footer}</p>
</body>
</html>
`;
}

/** A link as a button-like anchor; `href` is escaped too. */
export const button = (href: string, label: string) =>
  `<p><a href="${escapeHtml(href)}" style="display: inline-block; padding: 0.5rem 1rem; background: #1d9bf0; color: #fff; border-radius: 999px; text-decoration: none;">${escapeHtml(label)}</a></p>`;
