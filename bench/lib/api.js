// Starling's public API, as a client uses it: the bench prepares and checks its
// scenarios only through HTTP, so it works the same on every mode.

const TIMEOUT_MS = 30_000;

export class HttpError extends Error {
  constructor(method, url, status, text) {
    super(`${method} ${new URL(url).pathname} returned ${status}: ${text.slice(0, 300)}`);
    this.status = status;
  }
}

/** One request; returns { status, body (parsed JSON or null), bytes, headers }. */
export async function request(url, { method = 'GET', token, body, expect, timeoutMs = TIMEOUT_MS } = {}) {
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const buffer = Buffer.from(await res.arrayBuffer());
  const text = buffer.toString('utf8');
  if (expect !== undefined && res.status !== expect) throw new HttpError(method, url, res.status, text);
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (an HTML error page, say): the status tells the caller enough.
  }
  return { status: res.status, body: parsed, bytes: buffer.byteLength, headers: res.headers };
}

/** Log in; returns the bearer token. */
export async function login(baseUrl, username, password) {
  const { body } = await request(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    body: { username, password },
    expect: 200,
  });
  if (typeof body?.access_token !== 'string') throw new Error(`login returned no access_token for ${username}`);
  return body.access_token;
}

export async function lookupUser(baseUrl, username) {
  const { body } = await request(`${baseUrl}/api/v1/users/lookup?username=${encodeURIComponent(username)}`, {
    expect: 200,
  });
  return body;
}

/** The next page's URL from an RFC 8288 Link header, or null on the last page. */
function nextPage(baseUrl, link) {
  const match = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link) : null;
  return match ? new URL(match[1], baseUrl).toString() : null;
}

/**
 * Walk a user's followers (newest follow first), calling `visit(followers)` per page,
 * for at most `maxPages` pages of 100.
 */
export async function eachFollowerPage(baseUrl, userId, visit, { maxPages = Infinity } = {}) {
  let url = `${baseUrl}/api/v1/users/${encodeURIComponent(userId)}/followers?limit=100`;
  for (let page = 0; url && page < maxPages; page++) {
    const res = await request(url, { expect: 200 });
    if (visit(res.body.user_list) === false) return;
    url = nextPage(baseUrl, res.headers.get('link'));
  }
}

export async function homeTimeline(baseUrl, token, limit = 20) {
  return request(`${baseUrl}/api/v2/timelines/home?limit=${limit}`, { token, expect: 200 });
}

export async function postTweet(baseUrl, token, text) {
  const { body } = await request(`${baseUrl}/api/v2/tweets`, {
    method: 'POST',
    token,
    body: { body: text },
    expect: 201,
  });
  return body;
}

/**
 * Run `fn` over `items` with at most `concurrency` in flight; results keep the
 * items' order.
 */
export async function mapLimit(items, concurrency, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
