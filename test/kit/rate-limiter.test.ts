import { describe, expect, it } from 'vitest';
import { memoryRateLimiter } from '@starling/kit';

describe('memoryRateLimiter', () => {
  it('allows the limit, then asks to wait until the window ends', () => {
    let now = 1_000_000;
    const limiter = memoryRateLimiter(3, 60, () => now);
    expect([1, 2, 3].map(() => limiter.hit('alice').allowed)).toEqual([true, true, true]);
    expect(limiter.hit('alice')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    now += 45_000;
    expect(limiter.hit('alice')).toEqual({ allowed: false, retryAfterSeconds: 15 });
    now += 15_000;
    expect(limiter.hit('alice').allowed).toBe(true);
  });

  it('counts each key on its own', () => {
    const limiter = memoryRateLimiter(1, 60);
    expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.hit('b').allowed).toBe(true);
    expect(limiter.hit('a').allowed).toBe(false);
  });
});
