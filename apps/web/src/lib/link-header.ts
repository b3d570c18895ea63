/**
 * The `cursor` of the rel="next" link in an RFC 8288 `Link` header, e.g.
 * `</api/v2/tweets?limit=20&cursor=abc>; rel="next"`; undefined on the last page.
 */
export function nextCursor(link: string | null | undefined): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match) continue;
    const rels = /;\s*rel="?([^";]+)"?/i.exec(match[2]!)?.[1]?.toLowerCase().split(/\s+/) ?? [];
    if (!rels.includes('next')) continue;
    return new URL(match[1]!, 'http://starling.invalid').searchParams.get('cursor') ?? undefined;
  }
  return undefined;
}
