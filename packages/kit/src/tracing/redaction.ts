/**
 * Query parameters that may carry a secret in a URL Starling receives or calls: a
 * Mastodon app's streaming token, OAuth and OpenID Connect codes and state, and the
 * signatures of presigned object-store URLs. Their values never reach a span.
 */
export const REDACTED_QUERY_PARAMS = [
  'access_token',
  'token',
  'code',
  'state',
  'id_token_hint',
  'client_secret',
  'password',
  'sig',
  'Signature',
  'AWSAccessKeyId',
  'X-Amz-Signature',
  'X-Amz-Credential',
  'X-Amz-Security-Token',
  'X-Goog-Signature',
];

const REDACTED = new Set(REDACTED_QUERY_PARAMS.map((p) => p.toLowerCase()));

/** `url.full` and `url.query` of an outgoing request, with the values of secret parameters replaced. */
export function redactedUrl(origin: string | URL, path: string): Record<string, string> {
  let url: URL;
  try {
    url = new URL(path, origin);
  } catch {
    return {};
  }
  for (const name of [...url.searchParams.keys()]) {
    if (REDACTED.has(name.toLowerCase())) url.searchParams.set(name, 'REDACTED');
  }
  return { 'url.full': url.toString(), 'url.query': url.search };
}
