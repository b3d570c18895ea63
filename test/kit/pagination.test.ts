import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, HttpProblem, parseTimeIdKey, timeIdKey } from '@starling/kit';

describe('cursors', () => {
  it('round-trip the sort key and stay opaque', () => {
    const cursor = encodeCursor('01M82PZMS0NAR8F7132G6NH90T');
    expect(cursor).not.toContain('01M82PZMS0NAR8F7132G6NH90T');
    expect(decodeCursor(cursor)).toBe('01M82PZMS0NAR8F7132G6NH90T');
  });

  it('are optional', () => {
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it.each(['garbage!', Buffer.from('{"x":1}').toString('base64url'), Buffer.from('"k"').toString('base64url')])(
    'reject %s as a 400 naming the cursor',
    (bad) => {
      let error: unknown;
      try {
        decodeCursor(bad);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(HttpProblem);
      expect((error as HttpProblem).status).toBe(400);
      expect((error as HttpProblem).errors).toEqual([{ field: 'cursor', reason: expect.any(String) }]);
    },
  );
});

describe('time-and-id sort keys', () => {
  it('round-trip, and reject a key this API did not make', () => {
    const at = new Date('2026-11-22T10:00:00.000Z');
    expect(parseTimeIdKey(timeIdKey(at, 'U1'))).toEqual({ at, id: 'U1' });
    for (const bad of ['no-bar', 'not a date|U1', '2026-11-22T10:00:00.000Z|']) {
      expect(() => parseTimeIdKey(bad)).toThrow(HttpProblem);
    }
  });
});
