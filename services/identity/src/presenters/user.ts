import type { Caller } from '@starling/kit';
import type { components } from '../generated/openapi.js';
import type { UserView } from '../read-models.js';

export type User = components['schemas']['User'];

/**
 * The public view of an account. Email, and whether it is confirmed, is personal: only
 * its owner and admins see it.
 * `following` and `followed_by` are there when an authenticated caller looks at
 * someone else (the view's query leaves them null otherwise).
 */
export function presentUser(view: UserView, viewer: Pick<Caller, 'userId' | 'role'> | undefined): User {
  const seesPrivate = viewer !== undefined && (viewer.userId === view.id || viewer.role === 'admin');
  return {
    id: view.id,
    username: view.username,
    name: view.name,
    ...(seesPrivate ? { email: view.email, email_verified: view.email_verified } : {}),
    ...(view.bio ? { bio: view.bio } : {}),
    created_at: new Date(view.created_at).toISOString(),
    followers_count: view.followers_count,
    following_count: view.following_count,
    tweets_count: view.tweets_count,
    ...(view.following !== null && view.followed_by !== null
      ? { following: view.following, followed_by: view.followed_by }
      : {}),
  };
}
