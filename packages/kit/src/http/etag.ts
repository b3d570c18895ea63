import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problems } from './problem.js';
import type { ExpectedVersions } from '../events/refusal.js';

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

/** HTTP dates name whole seconds: a change within the second a client was told of is no change to it. */
const wholeSeconds = (date: Date | string) => Math.floor(new Date(date).getTime() / 1000) * 1000;

/** A date as an HTTP date (`Last-Modified`), to the second. */
export const httpDate = (date: Date | string) => new Date(wholeSeconds(date)).toUTCString();

/** An HTTP date header as milliseconds, or undefined when absent or not a date (then it is ignored). */
function dateHeader(request: FastifyRequest, name: string): number | undefined {
  const value = request.headers[name];
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Sets the ETag (and `Last-Modified` when the resource knows when it last changed) and
 * answers 304 when the client already holds this representation: by `If-None-Match`, or
 * when that is absent, by `If-Modified-Since`. Returns true when the reply is already sent.
 */
export function notModified(
  request: FastifyRequest,
  reply: FastifyReply,
  version: number,
  shown?: readonly unknown[],
  lastModified?: Date | string,
): boolean {
  const etag = etagOf(version, shown);
  reply.header('etag', etag);
  if (lastModified !== undefined) reply.header('last-modified', httpDate(lastModified));
  const header = request.headers['if-none-match'];
  if (header === undefined) {
    const since = dateHeader(request, 'if-modified-since');
    if (since === undefined || lastModified === undefined || wholeSeconds(lastModified) > since) return false;
    reply.code(304).send();
    return true;
  }
  const held = tags(header);
  if (held.includes('*') || held.includes(etag)) {
    reply.code(304).send();
    return true;
  }
  return false;
}

/**
 * Throws 412 when the client says `If-Unmodified-Since` a date before the resource's last
 * change. `If-Match`, when sent too, is the stronger check and decides alone.
 */
export function checkUnmodifiedSince(request: FastifyRequest, lastModified: Date | string | undefined): void {
  if (request.headers['if-match'] !== undefined || lastModified === undefined) return;
  const since = dateHeader(request, 'if-unmodified-since');
  if (since !== undefined && wholeSeconds(lastModified) > since) throw problems.preconditionFailed();
}

const UNMATCHABLE = 'If-Match does not name a version of this resource.';

const VERSION_TAG = /^"(\d+)(?:-[A-Za-z0-9_-]+)?"$/;

/**
 * The versions `If-Match` names, for a command to check once it has read its stream
 * (checkExpectedVersion): undefined when not sent, `'*'` for any, and an empty list when
 * none of its tags is one of ours (which can never match).
 */
export function ifMatch(request: FastifyRequest): ExpectedVersions {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const held = tags(header);
  if (held.includes('*')) return '*';
  return held.flatMap((tag) => {
    const match = VERSION_TAG.exec(tag);
    return match ? [Number(match[1])] : [];
  });
}

/**
 * The versions the client says it is changing, from `If-Match`, or undefined when it
 * did not say. A tag that is not one of ours can never match: 412.
 */
export function expectedVersion(request: FastifyRequest): number[] | '*' | undefined {
  const expected = ifMatch(request);
  if (expected === undefined || expected === '*') return expected;
  if (expected.length === 0) throw problems.preconditionFailed(UNMATCHABLE);
  return [...expected];
}

/** Throws 412 unless the client's `If-Match` (if any) names the current version. */
export function checkIfMatch(request: FastifyRequest, currentVersion: number): void {
  const expected = expectedVersion(request);
  if (expected === undefined || expected === '*') return;
  if (!expected.includes(currentVersion)) throw problems.preconditionFailed();
}
