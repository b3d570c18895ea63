import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, HttpProblem } from '../src/index.js';

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
