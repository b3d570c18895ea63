import type { RouteHandlerMethod } from 'fastify';
import { describe, expect, it } from 'vitest';
import { mergeHandlers, mergeOpenApi } from '@starling/kit';

const handler: RouteHandlerMethod = async () => ({});

describe('one contract for the services of a process', () => {
  it("merges the services' handlers, and refuses two services claiming one operation", () => {
    const merged = mergeHandlers([{ getUser: handler }, { getTweet: handler }]);
    expect(Object.keys(merged).sort()).toEqual(['getTweet', 'getUser']);
    expect(() => mergeHandlers([{ getUser: handler }, { getUser: handler }])).toThrow(/operation getUser/);
  });

  it('merges paths and components, and refuses a component two services define differently', () => {
    const base = { openapi: '3.1.0', info: { title: 'Starling', version: '1' } };
    const users = {
      paths: { '/api/v1/users': { get: { operationId: 'listUsers' } } },
      components: { schemas: { Id: { type: 'string' } } },
    };
    const tweets = {
      paths: { '/api/v2/tweets': { post: { operationId: 'postTweet' } } },
      components: { schemas: { Id: { type: 'string' } } },
    };
    const merged = mergeOpenApi(base, [users, tweets]);
    expect(Object.keys(merged.paths)).toEqual(['/api/v1/users', '/api/v2/tweets']);
    expect(merged.components.schemas.Id).toEqual({ type: 'string' });
    const clash = { components: { schemas: { Id: { type: 'integer' } } } };
    expect(() => mergeOpenApi(base, [users, clash])).toThrow(/schemas\.Id is defined differently/);
  });
});
