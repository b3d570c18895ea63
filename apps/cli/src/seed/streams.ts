/*
 * The stream ids the services' domains use (services/<name>/src/domain/*.ts), so a
 * command run after seeding finds the seeded aggregate: logging in, unfollowing a
 * seeded follow, unliking a seeded like, deleting a seeded tweet. The services do not
 * export these; test/cli/seed.test.ts checks each one through the API.
 */
export const userStream = (id: string) => `user-${id}`;
export const followStream = (followerId: string, followeeId: string) => `follow-${followerId}-${followeeId}`;
export const tweetStream = (id: string) => `tweet-${id}`;
export const likeStream = (tweetId: string, userId: string) => `like-${tweetId}-${userId}`;
export const repostStream = (tweetId: string, userId: string) => `repost-${tweetId}-${userId}`;

/** An event to append as version 1 of a new stream, at a seeded time. */
export interface SeedEvent {
  stream: string;
  type: string;
  schemaVersion: number;
  data: object;
  /** Who did it (the event's `metadata.actor_id`). */
  actor: string;
  /** `recorded_at`, in epoch milliseconds. */
  at: number;
}
