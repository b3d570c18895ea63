import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/** A fixed-window limit: at most `attempts` per `windowSeconds`. */
export interface Limit {
  attempts: number;
  windowSeconds: number;
}

/**
 * Counts attempts per key in the database (`attempt_counters`), in fixed windows that
 * start with a key's first attempt. Every replica and a restarted process see the same
 * counts.
 */
export class AttemptCounters {
  constructor(private readonly db: Db) {}

  /** The counts of the given keys in their current windows, with when each window ends. */
  async read(keys: string[]): Promise<Map<string, { count: number; endsAt: Date }>> {
    const { rows } = await sql<{ key: string; count: number; window_ends_at: Date | string }>`
      select key, count, window_ends_at from attempt_counters
      where key in (${sql.join(keys)}) and window_ends_at > now()`.execute(this.db);
    return new Map(rows.map((r) => [r.key, { count: Number(r.count), endsAt: new Date(r.window_ends_at) }]));
  }

  /** Counts one attempt for each key, starting a new window where the last one ended. */
  async count(keys: string[], windowSeconds: number): Promise<void> {
    for (const key of keys) {
      await sql`
        insert into attempt_counters as c (key, count, window_ends_at)
        values (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
        on conflict (key) do update set
          count = case when c.window_ends_at > now() then c.count + 1 else 1 end,
          window_ends_at = case when c.window_ends_at > now() then c.window_ends_at
                                else now() + make_interval(secs => ${windowSeconds}) end`.execute(this.db);
    }
    // Ended windows say nothing any more; dropping a few with each write keeps the table small.
    await sql`
      delete from attempt_counters where key in (
        select key from attempt_counters where window_ends_at < now() limit 100)`.execute(this.db);
  }
}

/** Seconds until `endsAt`, at least one: a Retry-After value. */
export const secondsUntil = (endsAt: Date) => Math.max(1, Math.ceil((endsAt.getTime() - Date.now()) / 1000));
