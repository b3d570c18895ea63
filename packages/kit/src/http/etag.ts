import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problems } from './problem.js';

/**
 * A resource's ETag is its stream version, `"<version>"`. What a representation shows
 * beyond its stream (counts, the viewer's relationship to it) moves without the stream
 * moving; given as `shown`, a digest of it joins the tag, `"<version>-<digest>"`, so a
 * 304 never hides such a change. `If-Match` guards the stream alone, so it compares
 * only the version part: a like gained since the client's GET is no conflict.
 */
export function etagOf(version: number, shown?: readonly unknown[]): string {
  if (shown === undefined) return `"${version}"`;
  const digest = createHash('sha256').update(JSON.stringify(shown)).digest('base64url').slice(0, 12);
  return `"${version}-${digest}"`;
}

const tags = (header: string | undefined) =>
  (header ?? '')
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .filter(Boolean);

/**
 * Sets the ETag and answers 304 when the client already holds this representation.
 * Returns true when the reply is already sent.
 */
export function notModified(
  request: FastifyRequest,
  reply: FastifyReply,
  version: number,
  shown?: readonly unknown[],
): boolean {
  const etag = etagOf(version, shown);
  reply.header('etag', etag);
  const header = request.headers['if-none-match'];
  if (header === undefined) return false;
  const held = tags(header);
  if (held.includes('*') || held.includes(etag)) {
    reply.code(304).send();
    return true;
  }
  return false;
}

const VERSION_TAG = /^"(\d+)(?:-[A-Za-z0-9_-]+)?"$/;

/**
 * The versions the client says it is changing, from `If-Match`, or undefined when it
 * did not say. A tag that is not one of ours can never match: 412.
 */
export function expectedVersion(request: FastifyRequest): number[] | '*' | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const held = tags(header);
  if (held.includes('*')) return '*';
  const versions = held.flatMap((tag) => {
    const match = VERSION_TAG.exec(tag);
    return match ? [Number(match[1])] : [];
  });
  if (versions.length === 0) throw problems.preconditionFailed('If-Match does not name a version of this resource.');
  return versions;
}

/** Throws 412 unless the client's `If-Match` (if any) names the current version. */
export function checkIfMatch(request: FastifyRequest, currentVersion: number): void {
  const expected = expectedVersion(request);
  if (expected === undefined || expected === '*') return;
  if (!expected.includes(currentVersion)) throw problems.preconditionFailed();
}
