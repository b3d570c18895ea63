import type { FastifyReply, FastifyRequest } from 'fastify';
import { problems } from './problem.js';

/** A resource's ETag is its stream version. */
export const etagOf = (version: number) => `"${version}"`;

const tags = (header: string | undefined) =>
  (header ?? '')
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .filter(Boolean);

/**
 * Sets the ETag and answers 304 when the client already holds this version.
 * Returns true when the reply is already sent.
 */
export function notModified(request: FastifyRequest, reply: FastifyReply, version: number): boolean {
  const etag = etagOf(version);
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

/**
 * The version the client says it is changing, from `If-Match`, or undefined when it
 * did not say. A tag that is not one of ours can never match: 412.
 */
export function expectedVersion(request: FastifyRequest): number | '*' | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const [tag] = tags(header);
  if (tag === '*') return '*';
  const match = tag ? /^"(\d+)"$/.exec(tag) : null;
  if (!match) throw problems.preconditionFailed('If-Match does not name a version of this resource.');
  return Number(match[1]);
}

/** Throws 412 unless the client's `If-Match` (if any) names the current version. */
export function checkIfMatch(request: FastifyRequest, currentVersion: number): void {
  const expected = expectedVersion(request);
  if (expected === undefined || expected === '*') return;
  if (expected !== currentVersion) throw problems.preconditionFailed();
}
