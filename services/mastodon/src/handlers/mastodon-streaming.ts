import { everyShared, HttpProblem, problems, webSocketOperation, type WebSocket } from '@starling/kit';
import type { LiveConnection, Send } from '../infra/live-connection.js';
import type { MastodonDeps } from './deps.js';
import type { ServiceContext } from '@starling/kit';
import { openConnection, streamOf } from './streaming-access.js';

/** A ping this often keeps proxies from closing a quiet connection and finds dead clients. */
const PING_MS = 30_000;
/** How often a connection checks that its token is still valid (expiry, logout, revocation). */
const VALIDITY_CHECK_MS = 1_000;
/** Mastodon's close code for a token that stopped being valid: a policy violation. */
const POLICY_VIOLATION = 1008;

/**
 * Mastodon's streaming WebSocket. The token is checked before the upgrade (a bad one is
 * an HTTP 401); `stream` in the query subscribes before the socket opens, so a client
 * sees every event from its first message on. Commands are handled one after another,
 * in the order sent: an error answer to one says every earlier one is in effect.
 */
export const mastodonStreaming = (ctx: ServiceContext, { hub }: MastodonDeps) =>
  webSocketOperation({
    http: async () => {
      throw problems.badRequest('Open a WebSocket to stream: this endpoint answers only an upgrade.');
    },
    async accept(request) {
      let socket: WebSocket | undefined;
      const send: Send = (stream, event, payload) => {
        if (socket?.readyState === 1) socket.send(JSON.stringify({ stream, event, payload }));
      };
      const access = await openConnection(ctx, request, send, hub);
      const { stream, tag } = request.query as { stream?: string; tag?: string };
      if (stream !== undefined) {
        const wanted = streamOf(stream, tag);
        await access.connection.subscribe(wanted.stream, wanted.tag);
      }
      return { ...access, attach: (s: WebSocket) => (socket = s) };
    },
    serve(socket, request, { caller, connection, attach }) {
      attach(socket);
      const leave = hub.add(connection);
      let commands = Promise.resolve();
      socket.on('message', (data) => {
        commands = commands.then(() => command(connection, String(data)).catch((err) => answerError(socket, err)));
      });
      // The process's shared timers (one per period for every connection), not one each.
      const stopChecking = everyShared(VALIDITY_CHECK_MS, () => {
        if (!ctx.auth.stillValid(caller)) socket.close(POLICY_VIOLATION, 'The access token is no longer valid.');
      });
      const stopPinging = everyShared(PING_MS, () => socket.ping());
      socket.on('close', () => {
        stopChecking();
        stopPinging();
        leave();
      });
      request.log.debug({ user: caller.userId }, 'streaming connection opened');
    },
  });

/** `{"type":"subscribe"|"unsubscribe","stream":…,"tag":…}`. */
async function command(connection: LiveConnection, text: string): Promise<void> {
  let message: { type?: unknown; stream?: unknown; tag?: unknown };
  try {
    message = JSON.parse(text) as typeof message;
  } catch {
    throw problems.badRequest('A message must be JSON.');
  }
  if (message === null || typeof message !== 'object') throw problems.badRequest('A message must be a JSON object.');
  const { stream, tag } = streamOf(message.stream, message.tag);
  if (message.type === 'subscribe') return connection.subscribe(stream, tag);
  if (message.type === 'unsubscribe') return connection.unsubscribe(stream, tag);
  throw problems.badRequest('A message\'s type is "subscribe" or "unsubscribe".');
}

/** Mastodon answers a bad command on the socket: `{"error": …, "status": 400}`. */
function answerError(socket: WebSocket, err: unknown): void {
  const status = err instanceof HttpProblem ? err.status : 500;
  const error = err instanceof HttpProblem ? (err.detail ?? err.title) : 'The command failed.';
  if (socket.readyState === 1) socket.send(JSON.stringify({ error, status }));
}
