import type { FastifyReply, FastifyRequest } from 'fastify';

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
