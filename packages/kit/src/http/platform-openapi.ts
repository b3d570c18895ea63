import type { OpenApiDocument } from './openapi.js';

/** The routes every Starling process serves, whatever services it runs. */
export const platformOpenApi: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Starling API',
    version: '1.0.0',
    description:
      'Starling, a cloud-native microblog. Errors are application/problem+json (RFC 9457). ' +
      'Lists page with `limit` and an opaque `cursor`; the next page is in the `Link` header.',
  },
  tags: [{ name: 'platform', description: 'Health, readiness, metrics and this document' }],
  paths: {
    '/healthz': { get: { tags: ['platform'], summary: 'Liveness', responses: { '200': { description: 'Alive' } } } },
    '/readyz': {
      get: {
        tags: ['platform'],
        summary: 'Readiness: the database answers and migrations are applied',
        responses: { '200': { description: 'Ready' }, '503': { description: 'Not ready' } },
      },
    },
    '/metrics': {
      get: { tags: ['platform'], summary: 'Prometheus metrics', responses: { '200': { description: 'Text format' } } },
    },
    '/openapi.json': {
      get: { tags: ['platform'], summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } },
    },
  },
};
