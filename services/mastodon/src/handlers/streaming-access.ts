import { holdsScope, OUTSIDE_SCOPES, problems, SESSION_COOKIE, type Caller, type ServiceContext } from '@starling/kit';
import type { FastifyRequest } from 'fastify';
import { LiveConnection, STREAM_NAMES, type LiveShared, type Send, type StreamName } from '../infra/live-connection.js';
import { siteOf } from './deps.js';

/**
 * The token of a streaming client, wherever Mastodon's clients put it: the Authorization
 * header, the `access_token` query parameter, the WebSocket subprotocol (browsers can
 * set no header on a WebSocket), or the web app's session cookie.
 */
function streamingToken(request: FastifyRequest): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const query = (request.query as { access_token?: string }).access_token;
  const protocol = request.headers['sec-websocket-protocol']?.split(',')[0]?.trim();
  return (
    bearer ??
    query ??
    (protocol || undefined) ??
    (request as { cookies?: Record<string, string | undefined> }).cookies?.[SESSION_COOKIE]
  );
}

export interface StreamingAccess {
  caller: Caller;
  connection: LiveConnection;
}

/** The caller of a stream and their connection, not yet in the hub; a missing or bad token is a 401. */
export async function openConnection(
  ctx: ServiceContext,
  request: FastifyRequest,
  send: Send,
  shared: LiveShared,
): Promise<StreamingAccess> {
  const token = streamingToken(request);
  if (!token) throw problems.unauthorized('An access token is required to stream.');
  const caller = await ctx.auth.requireToken(token);
  // A token outside the Authorization header passes no contract scope check: held here to
  // the stream's own (`read:statuses`, as the contract says), as Mastodon holds it.
  if (caller.scopes && !holdsScope(caller.scopes, 'read:statuses')) throw problems.forbidden(OUTSIDE_SCOPES);
  return { caller, connection: new LiveConnection(caller, token, ctx, siteOf(ctx), send, request.log, shared) };
}

/** The stream a client named, checked: a hashtag stream needs its tag. */
export function streamOf(stream: unknown, tag: unknown): { stream: StreamName; tag?: string } {
  if (!STREAM_NAMES.includes(stream as StreamName))
    throw problems.badRequest(`Unknown stream ${JSON.stringify(stream)}.`);
  const name = stream as StreamName;
  if (!name.startsWith('hashtag')) return { stream: name };
  if (typeof tag !== 'string' || tag.trim() === '' || tag.length > 100) {
    throw problems.badRequest('A hashtag stream needs its tag.');
  }
  return { stream: name, tag: tag.replace(/^#/, '') };
}
