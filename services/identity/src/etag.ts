import { createHash } from 'node:crypto';
import { problems } from '@starling/kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserView } from './read-models.js';

/**
 * A user's ETag: `"<stream version>-<digest>"`. The version alone (the kit's `etagOf`)
 * would let a 304 hide a changed count or relationship, which move without the user's
 * stream moving, so the digest covers them: the counts, and for an authenticated caller
 * looking at someone else, `following` and `followed_by`. It leaves out what depends
 * only on who asks (the email its owner sees), which `Vary` already separates, so the
 * owner's PUT answer and an anonymous GET of the same state share an ETag.
 */
export function userEtag(view: UserView): string {
  const shown = [
    view.followers_count,
    view.following_count,
    view.tweets_count,
    view.following ?? '',
    view.followed_by ?? '',
  ].join('|');
  const digest = createHash('sha256').update(shown).digest('base64url').slice(0, 12);
  return `"${view.version}-${digest}"`;
}

const tags = (header: string | undefined) =>
  (header ?? '')
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .filter(Boolean);

/** Sets the ETag and answers 304 when the client holds exactly this. True when the reply is sent. */
export function notModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header('etag', etag);
  const held = tags(request.headers['if-none-match']);
  if (held.includes('*') || held.includes(etag)) {
    reply.code(304).send();
    return true;
  }
  return false;
}

/**
 * `If-Match` guards the account itself, so only the version part of a tag is compared:
 * a follower gained since the client's GET must not turn its PUT or DELETE into a 412.
 * A bare `"<version>"` (the kit's form) is accepted too. A tag that is not one of ours
 * never matches: 412, changing nothing.
 */
export function checkIfMatch(request: FastifyRequest, currentVersion: number): void {
  const header = request.headers['if-match'];
  if (header === undefined) return;
  const held = tags(header);
  if (held.includes('*')) return;
  const versions = held.map((tag) => /^"(\d+)(?:-[A-Za-z0-9_-]+)?"$/.exec(tag)).map((m) => (m ? Number(m[1]) : NaN));
  if (versions.every((v) => Number.isNaN(v))) {
    throw problems.preconditionFailed('If-Match does not name a version of this resource.');
  }
  if (!versions.includes(currentVersion)) throw problems.preconditionFailed();
}
