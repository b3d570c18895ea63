import type { components } from '../generated/openapi.js';
import type { FollowRow } from '../read-models.js';

export type FollowedUser = components['schemas']['FollowedUser'];

export const presentFollow = (row: FollowRow): FollowedUser => ({
  id: row.id,
  username: row.username,
  followed_at: new Date(row.followed_at).toISOString(),
});
