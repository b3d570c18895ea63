import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { LogController, type FastifyBaseLogger, type FastifyHttpOptions } from 'fastify';
import type { Config } from '../config.js';
import { answerClientError, answerFrameworkError, MAX_PARAM_LENGTH } from './error-handler.js';
import { lazyChildLogger } from './request-logger.js';

/** An id a client may hand us to follow its request through the logs: short, and safe in a log line. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The client's `X-Request-Id` when it looks like an id; otherwise a new one. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * The Fastify options every Starling server shares (each service's process and the
 * gateway): body and time limits, request ids, and problem documents for the errors
 * raised before any route runs.
 */
export function serverOptions(
  config: Pick<Config, 'BODY_LIMIT' | 'TRUST_PROXY' | 'REQUEST_TIMEOUT'>,
  log: FastifyBaseLogger,
): FastifyHttpOptions<Server> {
  const requestTimeout = config.REQUEST_TIMEOUT * 1000;
  return {
    loggerInstance: log,
    bodyLimit: config.BODY_LIMIT,
    trustProxy: config.TRUST_PROXY,
    requestIdHeader: false,
    genReqId: requestIdOf,
    requestTimeout,
    // Node reads the timeout when it makes the server (setting it later does nothing), and
    // looks for timed-out requests every 30 s by default, far past a short timeout.
    http: { requestTimeout, connectionsCheckingInterval: Math.min(30_000, Math.max(250, requestTimeout / 4)) },
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // Request lines are the request log's own (request-log.ts), at the level LOG_REQUESTS says.
    logController: new LogController({ disableRequestLogging: true }),
    childLoggerFactory: lazyChildLogger,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  };
}
