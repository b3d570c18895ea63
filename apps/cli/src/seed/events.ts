/**
 * An event to import, at a seeded time. Which stream it opens is the owning service's
 * business (its import derives the stream its command would use), not the seeder's.
 */
export interface SeedEvent {
  type: string;
  schemaVersion: number;
  data: object;
  /** Who did it (the event's `metadata.actor_id`). */
  actor: string;
  /** `recorded_at`, in epoch milliseconds. */
  at: number;
}
