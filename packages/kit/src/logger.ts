import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Config } from './config.js';
import { logTraceFields } from './tracing/log.js';

/** Fields that carry a credential or personal data, wherever they sit in a logged object. */
const SECRET_FIELDS = [
  'password',
  'current_password',
  'password_hash',
  'access_token',
  'token',
  'email',
  // Object storage credentials, as configured (config.ts) and as the S3 client holds them.
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'accessKeyId',
  'secretAccessKey',
  'sessionToken',
];

/** Redaction paths for each secret field at the top and a few levels down (pino matches exact depths). */
const secretPaths = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`, `*.*.*.${field}`]);

/**
 * What a database error carries besides its message: the statement's parameters, the
 * statement, and the failing row (`detail`, `where`). Those hold whatever was being
 * written (an event with its password hash, an email), so they never reach a log.
 */
const DATABASE_ERROR_DATA = ['parameters', 'params', 'query', 'detail', 'where', 'data', 'internalQuery'];

export function serializeError(err: unknown): unknown {
  const serialized = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (!serialized || typeof serialized !== 'object') return serialized;
  for (const field of DATABASE_ERROR_DATA) delete serialized[field];
  if (serialized.cause && typeof serialized.cause === 'object') serialized.cause = serializeError(serialized.cause);
  return serialized;
}

/**
 * JSON logs to stdout. Credentials never reach a log line: auth headers and cookies are
 * redacted, request bodies are never logged, secret fields are censored wherever they
 * appear, and database errors lose the data they were writing. A line written within a
 * traced span carries its `trace_id` and `span_id`. Logs go to stdout unless another
 * destination is given (tests capture them in memory).
 */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: config.LOG_LEVEL,
    base: { app: 'starling' },
    serializers: { err: serializeError },
    mixin: logTraceFields,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', ...secretPaths],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
