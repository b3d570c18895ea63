import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { ApiHandler } from './api-function.js';
import type { ApiRoute } from './api-gateway.js';

/**
 * A stand-in for API Gateway on this machine: an HTTP server that picks the route of
 * each request as an HTTP API does (apiRoutes), turns the request into the payload
 * format 2.0 event API Gateway would send and calls that route's service's handler
 * directly, as Lambda would. The functions' tests and the cold-start bench run the
 * real handlers behind it, without AWS.
 */
export interface LocalApiGateway {
  url: string;
  close(): Promise<void>;
}

export async function localApiGateway(
  routes: ApiRoute[],
  handlers: Record<string, ApiHandler>,
  options: { host?: string; port?: number } = {},
): Promise<LocalApiGateway> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((request, response) => {
    forward(request, response).catch((err: unknown) => {
      // A handler that throws is Lambda's failed invocation, which API Gateway answers with a bare 500.
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: 'Internal Server Error' }));
      void err;
    });
  });

  async function forward(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://local');
    const method = request.method ?? 'GET';
    const match = selectRoute(routes, method, url.pathname);
    const handler = match && handlers[match.route.service];
    if (!match || !handler) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: 'Not Found' }));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const event = toEvent(request, url, method, match, body);
    const result = await handler(event, lambdaContext(match.route.service));
    const headers: Record<string, string | string[]> = { ...(result.headers as Record<string, string>) };
    if (result.cookies?.length) headers['set-cookie'] = result.cookies;
    response.writeHead(result.statusCode ?? 200, headers);
    response.end(result.body === undefined ? '' : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'));
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface RouteMatch {
  route: ApiRoute;
  parameters: Record<string, string>;
}

/**
 * The route API Gateway would pick: the most specific path (a literal segment before
 * a `{parameter}`, which comes before a greedy `{proxy+}`), and on one path a route of
 * the request's method before one of any method.
 */
export function selectRoute(routes: ApiRoute[], method: string, path: string): RouteMatch | undefined {
  const segments = path.split('/').slice(1);
  let best: { match: RouteMatch; rank: number[] } | undefined;
  for (const route of routes) {
    if (route.method !== 'ANY' && route.method !== method.toUpperCase()) continue;
    const parts = route.path.split('/').slice(1);
    const parameters: Record<string, string> = {};
    const rank: number[] = [];
    let matches = true;
    for (const [i, part] of parts.entries()) {
      const greedy = /^\{(.+)\+\}$/.exec(part);
      if (greedy) {
        const rest = segments.slice(i).join('/');
        if (!rest) matches = false;
        parameters[greedy[1]!] = rest;
        rank.push(0);
        break;
      }
      const segment = segments[i];
      if (segment === undefined || (i === parts.length - 1 && segments.length > parts.length)) {
        matches = false;
        break;
      }
      const parameter = /^\{(.+)\}$/.exec(part);
      if (parameter && segment !== '') {
        parameters[parameter[1]!] = decodeURIComponent(segment);
        rank.push(1);
      } else if (part === segment) rank.push(2);
      else {
        matches = false;
        break;
      }
    }
    if (!matches) continue;
    rank.push(route.method === 'ANY' ? 0 : 1);
    if (!best || compareRanks(rank, best.rank) > 0) best = { match: { route, parameters }, rank };
  }
  return best?.match;
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? -1) - (b[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}

function toEvent(
  request: IncomingMessage,
  url: URL,
  method: string,
  match: RouteMatch,
  body: Buffer,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return apiGatewayEvent({
    method,
    url: `${url.pathname}${url.search}`,
    routeKey: `${match.route.method} ${match.route.path}`,
    headers,
    ...(Object.keys(match.parameters).length ? { pathParameters: match.parameters } : {}),
    body,
    sourceIp: request.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
    protocol: `HTTP/${request.httpVersion}`,
  });
}

export interface EventRequest {
  method: string;
  /** Path and query, as the client sent them. */
  url: string;
  /** The route API Gateway matched, `GET /api/v2/tweets/{id}`. */
  routeKey: string;
  headers?: Record<string, string>;
  pathParameters?: Record<string, string>;
  body?: Buffer;
  sourceIp?: string;
  protocol?: string;
}

/** The payload format 2.0 event API Gateway hands a function for a request. */
export function apiGatewayEvent(request: EventRequest): APIGatewayProxyEventV2 {
  const url = new URL(request.url, 'http://local');
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    // As API Gateway: cookies apart, in their own list.
    if (name.toLowerCase() === 'cookie') cookies = value.split(/;\s*/);
    else headers[name.toLowerCase()] = value;
  }
  const sourceIp = request.sourceIp ?? '127.0.0.1';
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${sourceIp}` : sourceIp;
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = key in query ? `${query[key]},${value}` : value;
  const body = request.body ?? Buffer.alloc(0);
  const textual = /^(text\/|application\/([\w.+-]*\+)?json)/i.test(headers['content-type'] ?? '');
  const now = new Date();
  const method = request.method.toUpperCase();
  return {
    version: '2.0',
    routeKey: request.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies ? { cookies } : {}),
    headers,
    ...(url.search ? { queryStringParameters: query } : {}),
    ...(request.pathParameters ? { pathParameters: request.pathParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method,
        path: url.pathname,
        protocol: request.protocol ?? 'HTTP/1.1',
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: request.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length ? { body: textual ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !textual,
  };
}

/** A Lambda context for a direct call: its time left counts down from API Gateway's 29 s. */
export function lambdaContext(functionName: string): Context {
  const deadline = Date.now() + 29_000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => deadline - Date.now(),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}
