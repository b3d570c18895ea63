import type { UserHit } from '../read-models/search.js';

/** A user in search results (the `SearchUser` schema): no bio when they have none. */
export interface SearchUser {
  id: string;
  username: string;
  name: string;
  bio?: string;
}

export const presentSearchUser = (hit: UserHit): SearchUser => ({
  id: hit.id,
  username: hit.username,
  name: hit.name,
  ...(hit.bio ? { bio: hit.bio } : {}),
});
