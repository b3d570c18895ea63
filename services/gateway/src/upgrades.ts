import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import type { ContractRoute } from './routes.js';
import type { Upstream } from './upstreams.js';

/** The raw head of an HTTP/1.1 answer written on a socket the server no longer manages. */
function head(status: number, message: string, headers: IncomingHttpHeaders | Record<string, string>): string {
  const lines = Object.entries(headers).flatMap(([name, value]) =>
    value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => `${name}: ${v}`),
  );
  return [`HTTP/1.1 ${status} ${message}`, ...lines, '', ''].join('\r\n');
}

const refuse = (socket: Duplex, status: number, message: string, detail: string) => {
  const body = JSON.stringify({ error: detail });
  socket.end(
    head(status, message, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    }) + body,
  );
};

/**
 * Passes WebSocket upgrades on to the service whose contract has the path as a
 * WebSocket operation (one answering 101), on one of its replicas: the upgrade request
 * goes as it came (the service checks the token), the service's answer comes back —
 * its 101 and then the two sockets piped together, or its refusal (a 401) as it is.
 * Closing the gateway drops these connections with the other idle ones.
 */
export function proxyUpgrades(
  server: Server,
  routes: ContractRoute[],
  upstreams: Map<string, Upstream>,
  log: FastifyBaseLogger,
): void {
  const sockets = new Map(routes.filter((r) => r.webSocket).map((r) => [r.path, r.service]));
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, early: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = new URL(request.url ?? '/', 'http://gateway.invalid').pathname;
    const service = sockets.get(path);
    const upstream = service && upstreams.get(service);
    if (!upstream) return refuse(socket, 404, 'Not Found', `No WebSocket at ${path}.`);
    const peer = request.socket.remoteAddress ?? '';
    const upward = httpRequest(`${upstream.nextOrigin()}${request.url}`, {
      method: request.method,
      headers: { ...request.headers, 'x-forwarded-for': peer, 'x-forwarded-host': request.headers.host ?? '' },
    });
    upward.on('upgrade', (answer: IncomingMessage, service: Duplex, serviceEarly: Buffer) => {
      socket.write(head(101, 'Switching Protocols', answer.headers));
      if (serviceEarly.length) socket.write(serviceEarly);
      if (early.length) service.write(early);
      service.on('error', () => socket.destroy());
      socket.on('close', () => service.destroy());
      service.on('close', () => socket.destroy());
      service.pipe(socket).pipe(service);
    });
    upward.on('response', (answer: IncomingMessage) => {
      socket.write(
        head(answer.statusCode ?? 502, answer.statusMessage ?? '', { ...answer.headers, connection: 'close' }),
      );
      answer.pipe(socket);
    });
    upward.on('error', (err) => {
      log.warn({ err, service }, 'cannot pass a WebSocket upgrade on');
      refuse(socket, 502, 'Bad Gateway', `The ${service} service did not answer.`);
    });
    upward.end();
  });
}
