import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { checkIfMatch, etagOf, expectedVersion, HttpProblem } from '../src/index.js';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as FastifyRequest;

describe('If-Match', () => {
  it('reads the version from a strong or weak tag', () => {
    expect(etagOf(3)).toBe('"3"');
    expect(expectedVersion(request({ 'if-match': '"3"' }))).toBe(3);
    expect(expectedVersion(request({ 'if-match': 'W/"4"' }))).toBe(4);
    expect(expectedVersion(request({ 'if-match': '*' }))).toBe('*');
    expect(expectedVersion(request({}))).toBeUndefined();
  });

  it('answers 412 for a stale or foreign tag, and passes the current one', () => {
    expect(() => checkIfMatch(request({ 'if-match': '"3"' }), 3)).not.toThrow();
    expect(() => checkIfMatch(request({}), 3)).not.toThrow();
    for (const tag of ['"2"', '"abc"', 'nonsense']) {
      let status = 0;
      try {
        checkIfMatch(request({ 'if-match': tag }), 3);
      } catch (err) {
        status = (err as HttpProblem).status;
      }
      expect(status).toBe(412);
    }
  });
});
