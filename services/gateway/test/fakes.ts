import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger, loadConfig } from '@starling/kit';
import { expect } from 'vitest';
import { gatewayUpstreams } from '@starling/cli/topology';
import { createGateway } from '../src/index.js';

/** What a fake service saw of one request. */
export interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface FakeService {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse, seen: Seen) => void;

/** By default a fake service answers with who it is and what it received. */
const echo =
  (name: string): Handler =>
  (_request, response, seen) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ service: name, method: seen.method, url: seen.url }));
  };

/** A stand-in for one replica of a service: a plain HTTP server on a free port. */
export async function fakeService(name: string, handler: Handler = echo(name)): Promise<FakeService> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = {
        method: request.method!,
        url: request.url!,
        headers: request.headers,
        body: Buffer.concat(chunks),
      };
      seen.push(entry);
      handler(request, response, entry);
    });
  });
  const url = await listen(server);
  return {
    url,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A replica that accepts connections and drops them before answering (a process dying). */
export async function droppingService(): Promise<{ url: string; connections: () => number; close(): Promise<void> }> {
  let connections = 0;
  const server = createTcpServer((socket) => {
    connections += 1;
    socket.once('data', () => socket.destroy());
  });
  const url = await listen(server);
  return { url, connections: () => connections, close: () => new Promise((r) => server.close(() => r())) };
}

/** The URL of a port nothing listens on any more (a stopped replica). */
export async function refusingUrl(): Promise<string> {
  const server = createTcpServer();
  const url = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return url;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export interface RunningGateway {
  url: string;
  /** The gateway's log lines, parsed. */
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** A real gateway on a free port, configured from environment-style variables. */
export async function startGateway(env: Record<string, string | undefined>, webRoot?: string): Promise<RunningGateway> {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig({ LOG_LEVEL: 'warn', ...env });
  const gateway = await createGateway({
    config,
    services: gatewayUpstreams(env),
    logger: createLogger(config, sink),
    ...(webRoot ? { webRoot } : {}),
  });
  const address = await gateway.app.listen({ port: 0, host: '127.0.0.1' });
  return { url: address, logs, close: () => gateway.close() };
}

/** The body of a problem+json answer with the given status (never HTML, never a stack trace). */
export async function problemOf(response: Response, status: number): Promise<{ title: string; detail: string }> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as { status: number; title: string; detail: string };
  expect(body.status).toBe(status);
  return body;
}
