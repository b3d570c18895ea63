/**
 * Integration events: the one definition of each event that crosses a service
 * boundary. Names are past-tense facts; `schemaVersion` changes when a payload does.
 * Fields listed in `private` (credential hashes) stay in the owning service's log and
 * are stripped before an event leaves it.
 */
export interface EventDefinition<T> {
  type: string;
  schemaVersion: number;
  private?: readonly (keyof T & string)[];
  /** Phantom field carrying the payload type. */
  readonly __payload?: T;
}

const define = <T>(type: string, schemaVersion: number, privateFields?: readonly (keyof T & string)[]) =>
  ({ type, schemaVersion, ...(privateFields ? { private: privateFields } : {}) }) as EventDefinition<T>;

export type PayloadOf<D> = D extends EventDefinition<infer T> ? T : never;

// identity
export const UserRegistered = define<{
  user_id: string;
  username: string;
  email: string;
  name: string;
  password_hash: string;
}>('UserRegistered', 1, ['password_hash']);

export const UserProfileUpdated = define<{ user_id: string; name?: string; email?: string }>('UserProfileUpdated', 1);

export const PasswordChanged = define<{ user_id: string; password_hash: string }>('PasswordChanged', 1, [
  'password_hash',
]);

export const AdminRoleGranted = define<{ user_id: string }>('AdminRoleGranted', 1);

export const UserDeleted = define<{ user_id: string; username: string }>('UserDeleted', 1);

export const SessionStarted = define<{ session_id: string; user_id: string; expires_at: string }>('SessionStarted', 1);

export const SessionEnded = define<{ session_id: string; user_id: string; expires_at: string }>('SessionEnded', 1);

// tweets
export const TweetPosted = define<{
  tweet_id: string;
  author_id: string;
  author_username: string;
  body: string;
}>('TweetPosted', 1);

export const TweetDeleted = define<{
  tweet_id: string;
  author_id: string;
  reason: 'author' | 'admin' | 'account_deleted';
}>('TweetDeleted', 1);

/** `username` is the liker's, from their token when they liked: liker lists need no other source. */
export const TweetLiked = define<{ tweet_id: string; user_id: string; username: string }>('TweetLiked', 1);

export const TweetUnliked = define<{ tweet_id: string; user_id: string }>('TweetUnliked', 1);

// graph
export const UserFollowed = define<{ follower_id: string; followee_id: string }>('UserFollowed', 1);

export const UserUnfollowed = define<{ follower_id: string; followee_id: string }>('UserUnfollowed', 1);

/** The payload as other services may see it. */
export function publicPayload<T extends object>(definition: EventDefinition<T>, data: T): Partial<T> {
  if (!definition.private?.length) return data;
  const copy: Partial<T> = { ...data };
  for (const field of definition.private) delete copy[field];
  return copy;
}

const definitions = new Map<string, EventDefinition<object>>(
  [
    UserRegistered,
    UserProfileUpdated,
    PasswordChanged,
    AdminRoleGranted,
    UserDeleted,
    SessionStarted,
    SessionEnded,
    TweetPosted,
    TweetDeleted,
    TweetLiked,
    TweetUnliked,
    UserFollowed,
    UserUnfollowed,
  ].map((d) => [d.type, d as EventDefinition<object>]),
);

/** An event's payload as a service other than its owner receives it: private fields stripped. */
export function publicData(type: string, data: unknown): unknown {
  const definition = definitions.get(type);
  return definition && data && typeof data === 'object' ? publicPayload(definition, data) : data;
}

export const newEvent = <T>(definition: EventDefinition<T>, data: NoInfer<T>) => ({
  type: definition.type,
  schemaVersion: definition.schemaVersion,
  data,
});
