import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { WrongExpectedVersion } from '../events/event-store.js';
import { HttpProblem, problems, type FieldError } from './problem.js';
import { Refusal } from '../events/refusal.js';

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Names the field an Ajv error is about, e.g. `username`, `limit`, `tags.2`. */
function fieldOf(error: AjvError): string {
  const path = error.instancePath
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const extra = error.params.missingProperty ?? error.params.additionalProperty;
  if (typeof extra === 'string') path.push(extra);
  return path.join('.') || '(body)';
}

function reasonOf(error: AjvError): string {
  if (error.keyword === 'additionalProperties') return 'is not an allowed field';
  if (error.keyword === 'required') return 'is required';
  return error.message ?? 'is invalid';
}

/** Maps every failure to problem+json. Unexpected errors are logged and answered as 500 without detail. */
export function toProblem(error: FastifyError | Error, request: FastifyRequest): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof Refusal) return problemOfRefusal(error);
  if (error instanceof WrongExpectedVersion) return problems.preconditionFailed();
  const fe = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (fe.validation) {
    const errors: FieldError[] = fe.validation.map((v) => ({ field: fieldOf(v), reason: reasonOf(v) }));
    const where = fe.validationContext === 'querystring' ? 'query string' : (fe.validationContext ?? 'request');
    return problems.validation(errors, `The ${where} is not valid.`);
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problems.malformedJson('The body is not valid JSON.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problems.malformedJson('The body is empty but the content type says JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problems.payloadTooLarge('The body is larger than this server accepts.');
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_REQ_FILE_TOO_LARGE':
      return problems.payloadTooLarge('The form has more parts, or a larger file, than this server accepts.');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return problems.unsupportedMediaType('Send the form as multipart/form-data.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problems.unsupportedMediaType(
        `Content type ${JSON.stringify(request.headers['content-type'] ?? '')} is not supported; send application/json.`,
      );
  }
  if (error instanceof SyntaxError && fe.statusCode === 400)
    return problems.malformedJson('The body is not valid JSON.');
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500) return new HttpProblem(status, 'bad-request', 'Bad request', fe.message);
  return problems.internal();
}

/**
 * How a route words its errors: Starling's problem documents, or Mastodon's
 * `{"error": "…"}` (its clients show that text), with the same status and headers. A
 * contract declares it at its root (`x-starling-errors`), and mergeOpenApi stamps it
 * on each of its operations, where the route's schema carries it.
 */
export const ERROR_FORMAT = 'x-starling-errors';
export type ErrorFormat = 'problem' | 'mastodon';

/** The error format of the route that answers `request`, if one does. */
export const routeErrorFormat = (request: FastifyRequest): ErrorFormat | undefined =>
  (request.routeOptions?.schema as Record<string, unknown> | undefined)?.[ERROR_FORMAT] === 'mastodon'
    ? 'mastodon'
    : undefined;

/** Mastodon's error entity: the detail, and the fields at fault when there are some. */
export function mastodonError(problem: HttpProblem): { error: string } {
  const fields = (problem.errors ?? []).map((e) => `${e.field} ${e.reason}`);
  return { error: fields.length ? `${problem.detail} ${fields.join(', ')}` : problem.detail };
}

/** Each app's error format for a path no route answers (installErrorHandling), by the app. */
const pathFormats = new WeakMap<FastifyInstance, PathErrorFormat>();

/** The error format of a request: its route's, else its path's (a 404, a URL that does not decode). */
function errorFormatOf(request: FastifyRequest): ErrorFormat {
  return routeErrorFormat(request) ?? pathFormats.get(request.server)?.(request.url.split('?')[0]!) ?? 'problem';
}

export function sendProblem(reply: FastifyReply, problem: HttpProblem, format?: ErrorFormat): FastifyReply {
  if ((format ?? errorFormatOf(reply.request)) === 'mastodon') {
    return reply
      .code(problem.status)
      .headers(problem.headers)
      .type('application/json; charset=utf-8')
      .serializer(JSON.stringify)
      .send(mastodonError(problem));
  }
  return reply
    .code(problem.status)
    .headers(problem.headers)
    .type('application/problem+json')
    .serializer(JSON.stringify)
    .send(problem.body(reply.request.url.split('?')[0]));
}

/** The longest path parameter (an id, a username, a tag) the router matches. */
export const MAX_PARAM_LENGTH = 100;

/** Answers an unmatched request another way (the web app's pages); false to leave it a 404. */
export type Fallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

/** The error format of a path no route matches (a Mastodon path with an unknown id or method). */
export type PathErrorFormat = (path: string) => ErrorFormat;

export function installErrorHandling(app: FastifyInstance, fallback?: Fallback, pathFormat?: PathErrorFormat): void {
  if (pathFormat) pathFormats.set(app, pathFormat);
  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error as FastifyError, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    if (fallback?.(request, reply)) return reply;
    // The router matches no path parameter longer than this, so such a URL lands here.
    const path = request.url.split('?')[0]!;
    if (path.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH)) {
      return sendProblem(
        reply,
        problems.uriTooLong(`A part of the path is longer than ${MAX_PARAM_LENGTH} characters.`),
      );
    }
    return sendProblem(reply, problems.notFound(`No route for ${request.method} ${path}.`));
  });
}

/**
 * Errors the framework raises before a route runs (a URL that does not decode, a
 * header it cannot parse): answered as problems like every other error.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem =
    error.code === 'FST_ERR_BAD_URL'
      ? problems.badRequest('The URL is not valid: a percent-encoded part does not decode to UTF-8.')
      : toProblem(error, request);
  void sendProblem(reply, problem);
}

const CLIENT_ERRORS: Record<string, HttpProblem> = {
  ERR_HTTP_REQUEST_TIMEOUT: new HttpProblem(
    408,
    'request-timeout',
    'Request timeout',
    'The request did not arrive in time.',
  ),
  HPE_HEADER_OVERFLOW: new HttpProblem(
    431,
    'headers-too-large',
    'Request header fields too large',
    'The request headers are larger than this server accepts.',
  ),
};

/**
 * Node's own refusals (a request that never finished arriving, headers too large,
 * bytes that are not HTTP), which happen below the framework: written to the socket
 * as a problem document before the connection closes.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = CLIENT_ERRORS[error.code ?? ''] ?? problems.badRequest('The request is not valid HTTP.');
  const body = JSON.stringify(problem.body());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${problem.title}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** A command's refusal as the problem document the API answers with. */
export function problemOfRefusal(refusal: Refusal): HttpProblem {
  const { detail, fields } = refusal;
  switch (refusal.kind) {
    case 'invalid':
      return problems.validation(fields ?? [], detail);
    case 'unauthenticated':
      return problems.unauthorized(detail);
    case 'forbidden':
      return problems.forbidden(detail ?? 'You may not do this.');
    case 'not-found':
      return problems.notFound(detail ?? 'There is no such resource.');
    case 'conflict':
      return problems.conflict(detail ?? 'The request conflicts with the current state.', fields);
    case 'stale':
      return problems.preconditionFailed(detail);
    case 'too-large':
      return problems.payloadTooLarge(detail ?? 'The request is larger than this server accepts.');
    case 'unprocessable':
      return problems.unprocessable(detail ?? 'The request cannot be processed.', fields);
  }
}
