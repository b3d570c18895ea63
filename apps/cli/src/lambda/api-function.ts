import awsLambdaFastify from '@fastify/aws-lambda';
import { HttpProblem, loadConfig, type OpenApiDocument, type Platform } from '@starling/kit';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Logger } from 'pino';
import { rolePlatform } from '../role-platform.js';
import { contractOf, type RoleEntry } from '../topology.js';
import { isLive } from './api-gateway.js';
import { withSecrets, type SecretReader } from './secrets.js';

export type ApiHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

export interface FunctionOptions {
  /** Where settings come from (tests pass their own); the process's environment by default. */
  env?: () => Record<string, string | undefined>;
  logger?: Logger;
  readSecret?: SecretReader;
}

/** A handler that also closes what its first call opened (tests and the cold-start bench stop it). */
export interface ServiceFunction extends ApiHandler {
  close(): Promise<void>;
}

/**
 * A service's API as a Lambda function behind API Gateway (HTTP API, payload format
 * 2.0): the platform `starling start <service>` runs, built on the first call of a
 * fresh instance (the cold start: secrets, migrations checked, its read models caught
 * up, NATS joined) and kept for the calls that follow. @fastify/aws-lambda turns each
 * event into a request to that Fastify app, so every hook, route and answer is the
 * HTTP server's own. The client's address is API Gateway's `sourceIp`
 * (TRUST_PROXY=false: X-Forwarded-For would be the client's to write).
 *
 * A live stream (Server-Sent Events, a WebSocket) cannot be held open by a function
 * behind API Gateway, which ends every call after 29 s: its route is answered at once
 * with a 501 problem that says so, rather than left hanging until then.
 */
export function apiFunction(entry: RoleEntry, options: FunctionOptions = {}): ServiceFunction {
  // Read on the first call: a function reads only its own service's contract, and
  // loads only its own service's code (rolePlatform).
  let live: Set<string> | undefined;
  const liveRoutesOf = () => (live ??= liveRoutes(contractOf(entry.service!)));
  let opened: Promise<{ platform: Platform; handle: ApiHandler }> | undefined;
  const open = async () => {
    const env = await withSecrets(options.env?.() ?? process.env, options.readSecret);
    const platform = await rolePlatform(loadConfig(env), entry, options.logger ? { logger: options.logger } : {});
    try {
      await platform.start();
      const proxy = awsLambdaFastify<APIGatewayProxyEventV2>(platform.app, {
        decorateRequest: false,
        // Repeated and comma-holding query parameters arrive intact in rawQueryString (below).
        parseCommaSeparatedQueryParams: false,
        // Anything but text goes out as base64, as API Gateway passes bodies as strings.
        enforceBase64: (response) => !isText(response.headers['content-type']),
      });
      await platform.app.ready();
      return { platform, handle: proxy as unknown as ApiHandler };
    } catch (err) {
      await platform.close().catch(() => {});
      throw err;
    }
  };
  const handler = async (event: APIGatewayProxyEventV2, context: Context) => {
    if (liveRoutesOf().has(event.routeKey)) return liveStreamRefused(event);
    // A failed cold start is tried again by the next call rather than kept.
    opened ??= open().catch((err: unknown) => {
      opened = undefined;
      throw err;
    });
    const { handle } = await opened;
    return handle(exactQuery(event), context);
  };
  return Object.assign(handler, {
    async close() {
      const current = opened;
      opened = undefined;
      if (current) await (await current.catch(() => undefined))?.platform.close();
    },
  });
}

/** The route keys (`GET /api/v2/streaming/home`) of the service's live streams. */
function liveRoutes(contract: OpenApiDocument): Set<string> {
  const keys = Object.entries(contract.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Record<string, unknown>>)
      .filter(([, operation]) => typeof operation === 'object' && operation?.responses && isLive(contract, operation))
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
  return new Set(keys);
}

function liveStreamRefused(event: APIGatewayProxyEventV2): APIGatewayProxyStructuredResultV2 {
  const problem = new HttpProblem(
    501,
    'live-stream-unavailable',
    'Live streams are not served here',
    'This deployment runs Starling as functions, which cannot hold a stream open; read the timeline or the notifications again instead.',
  );
  return {
    statusCode: 501,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    body: JSON.stringify(problem.body(event.rawPath)),
  };
}

/**
 * API Gateway's `queryStringParameters` join a repeated parameter's values with commas,
 * which cannot be told from a comma in one value; its `rawQueryString` is what the
 * client sent, so the request gets that.
 */
function exactQuery(event: APIGatewayProxyEventV2): APIGatewayProxyEventV2 {
  if (!event.rawQueryString) return event;
  return { ...event, rawPath: `${event.rawPath}?${event.rawQueryString}`, queryStringParameters: undefined };
}

const TEXT = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded|x-ndjson)\b)/i;

function isText(contentType: string | string[] | number | undefined): boolean {
  return contentType === undefined || TEXT.test(String(contentType));
}
