import type { LightMyRequestResponse } from 'fastify';
import type { ProblemBody } from '@starling/kit';
import { expect } from 'vitest';

/**
 * Asserts an RFC 9457 error: the status, the problem+json content type, the required
 * members, and (when given) that `errors` names each of `fields`. Returns the body.
 */
export function expectProblem(res: LightMyRequestResponse, status: number, fields: string[] = []): ProblemBody {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  const body = res.json() as ProblemBody;
  expect(body).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  });
  if (fields.length > 0) {
    expect(body.errors, res.body).toBeDefined();
    const named = body.errors!.map((e) => e.field);
    for (const field of fields) expect(named, res.body).toContain(field);
    for (const e of body.errors!) expect(e.reason).toEqual(expect.any(String));
  }
  return body;
}

/**
 * Asserts a body reveals no password, no password field and nothing that looks like a
 * stored hash. (Lowercase only: ids are uppercase ULIDs and could spell HASH by chance.)
 */
export function expectNoSecrets(text: string, ...passwords: string[]): void {
  for (const password of passwords) expect(text).not.toContain(password);
  expect(text).not.toContain('password');
  expect(text).not.toContain('scrypt');
  expect(text).not.toContain('hash');
}

/** The cookies a response sets, by name. */
export function cookiesOf(res: LightMyRequestResponse) {
  return Object.fromEntries(res.cookies.map((c) => [c.name, c]));
}

/** `<url>` from a `Link: <url>; rel="next"` header, or undefined when there is none. */
export function nextLink(res: LightMyRequestResponse): string | undefined {
  const header = res.headers.link;
  if (header === undefined) return undefined;
  const match = /<([^>]+)>;\s*rel="next"/.exec(String(header));
  expect(match, `unexpected Link header ${String(header)}`).not.toBeNull();
  return match![1];
}

/** Retries `check` until it stops throwing, for at most `timeoutMs`; then throws its last error. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000, pauseMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  }
}
