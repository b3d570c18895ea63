import { describe, expect, it } from 'vitest';
import { nextCursor } from '../src/lib/link-header.js';

describe('nextCursor', () => {
  it('takes the cursor from the rel="next" link', () => {
    expect(nextCursor('</api/v2/tweets?limit=20&cursor=abc%3D%3D>; rel="next"')).toBe('abc==');
  });

  it('finds next among several links', () => {
    expect(nextCursor('</a?cursor=prev>; rel="prev", </a?cursor=n2>; rel="next"')).toBe('n2');
  });

  it('is undefined on the last page', () => {
    expect(nextCursor(null)).toBeUndefined();
    expect(nextCursor('')).toBeUndefined();
    expect(nextCursor('</a?cursor=p>; rel="prev"')).toBeUndefined();
  });
});
