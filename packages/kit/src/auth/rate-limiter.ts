/**
 * Fixed-window attempt counter. In memory, per process: enough for the embedded mode;
 * a shared store (Redis) can implement the same interface for replicas.
 */
export interface RateLimiter {
  /** Counts an attempt for `key`; returns seconds to wait when over the limit. */
  hit(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number };
}

export function memoryRateLimiter(limit: number, windowSeconds: number, now = () => Date.now()): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let lastSweep = now();
  return {
    hit(key) {
      const t = now();
      if (t - lastSweep > windowSeconds * 1000) {
        for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
        lastSweep = t;
      }
      let window = windows.get(key);
      if (!window || window.resetAt <= t) {
        window = { count: 0, resetAt: t + windowSeconds * 1000 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= limit) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - t) / 1000)) };
    },
  };
}
