/**
 * When a failed delivery is tried again: after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and
 * 10 h (with the default WEBHOOK_RETRY_BASE_MS of 5 s), about a day in all, each delay
 * spread by ±20 % so endpoints that failed together are not retried together.
 */
export const RETRY_MULTIPLES = [1, 60, 360, 1_440, 3_600, 7_200, 7_200];

/** The delay before the attempt after the `failures`-th failed one of a round (1-based). */
export function retryDelayMs(baseMs: number, failures: number, random: () => number = Math.random): number {
  const multiple = RETRY_MULTIPLES[Math.min(failures, RETRY_MULTIPLES.length) - 1]!;
  const jitter = 0.8 + 0.4 * random();
  return Math.round(baseMs * multiple * jitter);
}
