import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';

/**
 * Ties a handler's request types to the operation generated from the OpenAPI document,
 * so handlers never restate the contract by hand.
 */
interface OperationShape {
  parameters?: { query?: unknown; path?: unknown; header?: unknown };
  /** JSON bodies are parsed and typed; others (a multipart upload, a form) are read by the handler. */
  requestBody?: {
    content: Partial<Record<'application/json' | 'multipart/form-data' | 'application/x-www-form-urlencoded', unknown>>;
  };
}

type BodyOf<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : unknown;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : unknown;
type PathOf<O> = O extends { parameters: { path?: infer P } } ? NonNullable<P> : unknown;

export type OperationRequest<O extends OperationShape> = FastifyRequest<{
  Body: BodyOf<O>;
  Querystring: QueryOf<O>;
  Params: PathOf<O>;
}>;

export type OperationHandler<O extends OperationShape> = (
  request: OperationRequest<O>,
  reply: FastifyReply,
) => Promise<unknown>;

/**
 * The route handlers of a service (or of one part of it): each operation's handler made
 * from what it needs (`args`, the service's context or its deps), keyed by operationId.
 */
export function routeHandlers<A extends unknown[]>(
  makers: Record<string, (...args: A) => unknown>,
  ...args: A
): Record<string, RouteHandlerMethod> {
  return Object.fromEntries(Object.entries(makers).map(([id, make]) => [id, make(...args) as RouteHandlerMethod]));
}
