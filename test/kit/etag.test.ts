import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { checkIfMatch, etagOf, expectedVersion, HttpProblem } from '@starling/kit';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as FastifyRequest;

describe('If-Match', () => {
  it('reads the version from a strong or weak tag', () => {
    expect(etagOf(3)).toBe('"3"');
    expect(expectedVersion(request({ 'if-match': '"3"' }))).toEqual([3]);
    expect(expectedVersion(request({ 'if-match': 'W/"4"' }))).toEqual([4]);
    expect(expectedVersion(request({ 'if-match': '"2", "5-abc"' }))).toEqual([2, 5]);
    expect(expectedVersion(request({ 'if-match': '*' }))).toBe('*');
    expect(expectedVersion(request({}))).toBeUndefined();
  });

  it('tags what a representation shows beyond its version, so a 304 never hides it', () => {
    expect(etagOf(3, [1, true])).toMatch(/^"3-[\w-]{12}"$/);
    expect(etagOf(3, [1, true])).toBe(etagOf(3, [1, true]));
    expect(etagOf(3, [2, true])).not.toBe(etagOf(3, [1, true]));
  });

  it('answers 412 for a stale or foreign tag, and passes the current one', () => {
    expect(() => checkIfMatch(request({ 'if-match': '"3"' }), 3)).not.toThrow();
    expect(() => checkIfMatch(request({ 'if-match': etagOf(3, [7]) }), 3)).not.toThrow();
    expect(() => checkIfMatch(request({}), 3)).not.toThrow();
    for (const tag of ['"2"', '"abc"', 'nonsense', etagOf(2, [7])]) {
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
