// Seed data through the public API, exactly as a client would.

export const BENCH_USER = {
  username: 'bench_user',
  email: 'bench@example.com',
  password: 'correct-horse-battery',
  name: 'Bench User',
};

/** POST JSON and insist on the expected status; returns the parsed body. */
async function postJson(url, body, { token, expect } = {}) {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (res.status !== expect) {
    throw new Error(`POST ${new URL(url).pathname} returned ${res.status} (expected ${expect}): ${text.slice(0, 500)}`);
  }
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Create the bench user (every run starts on fresh storage) and log in; returns a bearer token. */
export async function createUserAndLogin(baseUrl) {
  await postJson(`${baseUrl}/api/v1/users`, BENCH_USER, { expect: 201 });

  const { body } = await postJson(
    `${baseUrl}/api/v1/auth/login`,
    { username: BENCH_USER.username, password: BENCH_USER.password },
    { expect: 200 },
  );
  if (typeof body?.access_token !== 'string' || body.token_type !== 'Bearer') {
    throw new Error(`login returned an unexpected body: ${JSON.stringify(body)}`);
  }
  return body.access_token;
}

/**
 * Post `count` tweets with a few requests in flight at once: fast enough to
 * seed hundreds, gentle enough not to turn seeding into a load test.
 */
export async function postTweets(baseUrl, token, count, concurrency = 8) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await postJson(
        `${baseUrl}/api/v2/tweets`,
        { body: `bench tweet #${i}: the quick brown fox jumps over the lazy dog` },
        { token, expect: 201 },
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** Fetch a URL once and return its status and body size in bytes. */
export async function probe(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const body = await res.arrayBuffer();
  return { status: res.status, bytes: body.byteLength };
}
