import websocket, { type WebSocket } from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest, RouteHandlerMethod } from 'fastify';

export type { WebSocket } from '@fastify/websocket';

/** What serves an upgraded connection: the socket, the request, and what `accept` made of it. */
export type WebSocketHandler<T = unknown> = (socket: WebSocket, request: FastifyRequest, accepted: T) => void;

export interface WebSocketOperationOptions<T> {
  /** Answers a GET without the upgrade. */
  http: RouteHandlerMethod;
  /**
   * Runs before the upgrade (after validation and the platform's hooks): what it throws
   * (a 401) is the HTTP answer to the upgrade request, so a refused client never gets a
   * socket. What it returns is handed to `serve`.
   */
  accept(request: FastifyRequest): Promise<T>;
  serve: WebSocketHandler<T>;
}

const WS = Symbol('starling.websocket');

interface WebSocketRoute {
  preHandler: (request: FastifyRequest) => Promise<void>;
  wsHandler: (socket: WebSocket, request: FastifyRequest) => void;
}

/** A WebSocket operation's handler, as a service's handler map holds it. */
export type WebSocketOperation = RouteHandlerMethod & { [WS]: WebSocketRoute };

/**
 * Marks an operation of the contract as a WebSocket endpoint (its contract answers 101):
 * the route is registered from the contract like any other, so its parameters are
 * validated and the platform's hooks run before the upgrade.
 */
export function webSocketOperation<T>(options: WebSocketOperationOptions<T>): WebSocketOperation {
  const accepted = new WeakMap<FastifyRequest, T>();
  const http: RouteHandlerMethod = function (request, reply) {
    return options.http.call(this, request, reply);
  };
  return Object.assign(http, {
    [WS]: {
      preHandler: async (request: FastifyRequest) => {
        accepted.set(request, await options.accept(request));
      },
      wsHandler: (socket: WebSocket, request: FastifyRequest) => options.serve(socket, request, accepted.get(request)!),
    },
  });
}

/** The route options openapi-glue gives Fastify for `handler`: with the upgrade's for a WebSocket operation. */
export function operationRoute(handler: RouteHandlerMethod): { handler: RouteHandlerMethod } & Partial<WebSocketRoute> {
  const ws = (handler as Partial<WebSocketOperation>)[WS];
  return ws ? { handler, ...ws } : { handler };
}

/** Messages over 64 KiB are refused: clients send only small subscribe and unsubscribe commands. */
export const WEBSOCKET_MAX_PAYLOAD = 64 * 1024;

/** Registers @fastify/websocket on the app, before any route, so operations can upgrade. */
export async function installWebSockets(app: FastifyInstance): Promise<void> {
  await app.register(websocket, {
    options: { maxPayload: WEBSOCKET_MAX_PAYLOAD },
    // A failing socket is ended, not logged as a server error: clients drop connections all the time.
    errorHandler: (err, socket, request) => {
      request.log.debug({ err }, 'websocket error');
      socket.terminate();
    },
  });
}
