import { describe, expect, it } from 'vitest';
import { RETRY_MULTIPLES, retryDelayMs } from '../../src/webhooks/delivery/schedule.js';

describe('webhook retry schedule', () => {
  it('spreads retries over about a day with the default base, each within ±20 %', () => {
    const base = 5_000;
    const exact = RETRY_MULTIPLES.map((_, i) => retryDelayMs(base, i + 1, () => 0.5));
    expect(exact).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    const day = exact.reduce((a, b) => a + b, 0) / 3_600_000;
    expect(day).toBeGreaterThan(20);
    expect(day).toBeLessThan(30);
    expect(retryDelayMs(base, 2, () => 0)).toBe(240_000);
    expect(retryDelayMs(base, 2, () => 1)).toBe(360_000);
    // Past the schedule's end the last delay repeats.
    expect(retryDelayMs(base, 12, () => 0.5)).toBe(36_000_000);
  });
});
