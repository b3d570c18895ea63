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

/**
 * The payload of `event`, typed by its definition: how a handler reads what it reacts
 * to without a cast. An event of another type is refused, so one event's fields are
 * never read off another's payload.
 */
export function payloadOf<T>(definition: EventDefinition<T>, event: { type: string; data: unknown }): T {
  if (event.type !== definition.type) throw new Error(`expected a ${definition.type} event, not ${event.type}`);
  return event.data as T;
}

// identity
/**
 * Version 2 adds the optional `bio`; a version 1 event means an empty one. `password_hash`
 * is '' for an account made by signing in with an external provider: it has no password
 * (and password login fails) until one is set through a password-reset link.
 */
export const UserRegistered = define<{
  user_id: string;
  username: string;
  email: string;
  name: string;
  bio?: string;
  password_hash: string;
}>('UserRegistered', 2, ['password_hash']);

/** Only the fields that changed. Version 2 adds `bio`. */
export const UserProfileUpdated = define<{ user_id: string; name?: string; email?: string; bio?: string }>(
  'UserProfileUpdated',
  2,
);

export const PasswordChanged = define<{ user_id: string; password_hash: string }>('PasswordChanged', 1, [
  'password_hash',
]);

/** The owner of `email` proved it by following the link mailed to it. */
export const EmailVerified = define<{ user_id: string; email: string }>('EmailVerified', 1);

export const AdminRoleGranted = define<{ user_id: string }>('AdminRoleGranted', 1);

export const UserDeleted = define<{ user_id: string; username: string }>('UserDeleted', 1);

export const SessionStarted = define<{ session_id: string; user_id: string; expires_at: string }>('SessionStarted', 1);

export const SessionEnded = define<{ session_id: string; user_id: string; expires_at: string }>('SessionEnded', 1);

/** A third-party app registered for OAuth 2 (`client_id` is public; only the secret's hash is kept). */
export const AppRegistered = define<{
  client_id: string;
  name: string;
  website: string | null;
  redirect_uris: string[];
  scopes: string[];
  client_secret_hash: string;
}>('AppRegistered', 1, ['client_secret_hash']);

/**
 * A user let an app act for them with these scopes (or, with no `user_id`, an app got a
 * token for itself). Its tokens carry `authorization_id` as their `sid`.
 */
export const AppAuthorized = define<{
  authorization_id: string;
  client_id: string;
  user_id: string | null;
  scopes: string[];
}>('AppAuthorized', 1);

/** An authorization was revoked: its tokens, the last of which expires at `expires_at`, stop working. */
export const AppAuthorizationEnded = define<{
  authorization_id: string;
  client_id: string;
  user_id: string | null;
  expires_at: string;
}>('AppAuthorizationEnded', 1);
/**
 * An account was tied to an identity at an external provider (OpenID Connect, GitHub):
 * signing in there signs in here. `subject` is the provider's stable id for the person;
 * `email_verified` is true only when the provider said so. Never a token.
 */
export const ExternalIdentityLinked = define<{
  identity_id: string;
  user_id: string;
  provider: string;
  subject: string;
  email?: string;
  email_verified: boolean;
}>('ExternalIdentityLinked', 1);

/** The owner untied an external identity: it no longer signs in to the account. */
export const ExternalIdentityUnlinked = define<{
  identity_id: string;
  user_id: string;
  provider: string;
  subject: string;
}>('ExternalIdentityUnlinked', 1);

// tweets

/**
 * `#tag` and `@username` found in a tweet's body when it was posted. Offsets count
 * Unicode code points (an emoji is one), `start` inclusive and `end` exclusive, so
 * `[...body].slice(start, end).join('')` is the entity's text with its `#` or `@`.
 */
export interface TweetEntities {
  /** `tag` as written, without the `#`; matched case-insensitively. */
  hashtags: Array<{ tag: string; start: number; end: number }>;
  /** `username` as written, without the `@`. */
  mentions: Array<{ username: string; start: number; end: number }>;
}

/**
 * Version 2 adds `entities` and, for a reply, `in_reply_to_id` and
 * `in_reply_to_author_id`. A version 1 event has neither: it is no reply, and its
 * entities are parsed from its body when it is read. Version 3 adds `media_ids`, the
 * author's uploads attached in order (absent: none).
 */
export const TweetPosted = define<{
  tweet_id: string;
  author_id: string;
  author_username: string;
  body: string;
  entities?: TweetEntities;
  in_reply_to_id?: string;
  in_reply_to_author_id?: string;
  media_ids?: string[];
}>('TweetPosted', 3);

export const TweetDeleted = define<{
  tweet_id: string;
  author_id: string;
  reason: 'author' | 'admin' | 'account_deleted';
}>('TweetDeleted', 1);

/** `username` is the liker's, from their token when they liked: liker lists need no other source. */
export const TweetLiked = define<{ tweet_id: string; user_id: string; username: string }>('TweetLiked', 1);

export const TweetUnliked = define<{ tweet_id: string; user_id: string }>('TweetUnliked', 1);

/**
 * `user_id` reposted `tweet_id` (written by `author_id`). `repost_id` is a new
 * time-sortable id: where the repost sorts in timelines, the same on every replay.
 */
export const TweetReposted = define<{
  tweet_id: string;
  author_id: string;
  user_id: string;
  username: string;
  repost_id: string;
}>('TweetReposted', 1);

export const TweetUnreposted = define<{ tweet_id: string; author_id: string; user_id: string }>('TweetUnreposted', 1);

// graph
export const UserFollowed = define<{ follower_id: string; followee_id: string }>('UserFollowed', 1);

export const UserUnfollowed = define<{ follower_id: string; followee_id: string }>('UserUnfollowed', 1);

// media

/** What the extractor makes of an upload, and what a client is shown of it. */
export type MediaType = 'image' | 'gifv' | 'video';
export interface MediaSize {
  width: number;
  height: number;
  aspect: number;
}

/**
 * A presigned upload was handed out: the file is expected at `key` (of the object store)
 * before `expires_at`, of `content_type`, and becomes a MediaUploaded once completed.
 */
export const MediaUploadStarted = define<{
  media_id: string;
  owner_id: string;
  key: string;
  content_type: string;
  description?: string;
  expires_at: string;
}>('MediaUploadStarted', 1);

/**
 * A file is stored, unprocessed, at `key`; its type was read from its bytes. The
 * extractor worker reacts to this event (and only to it) to convert the file.
 */
export const MediaUploaded = define<{
  media_id: string;
  owner_id: string;
  key: string;
  type: MediaType;
  content_type: string;
  size: number;
  description?: string;
}>('MediaUploaded', 1);

/** The extractor's result: the converted file and its preview (object keys), their sizes and a BlurHash. */
export const MediaProcessed = define<{
  media_id: string;
  owner_id: string;
  type: MediaType;
  file_key: string;
  preview_key: string;
  content_type: string;
  meta: { original: MediaSize; small: MediaSize };
  blurhash: string;
}>('MediaProcessed', 1);

/** The file could not be used; `reason` says why, for the uploader. */
export const MediaFailed = define<{ media_id: string; owner_id: string; reason: string }>('MediaFailed', 1);

/** The media was attached to a tweet (the tweets service's TweetPosted named it): it lives as long as the tweet. */
export const MediaAttached = define<{ media_id: string; owner_id: string; tweet_id: string }>('MediaAttached', 1);

export const MediaDescribed = define<{ media_id: string; owner_id: string; description: string }>('MediaDescribed', 1);

/**
 * The media and its files are gone: `reason` says why (its tweet or account was deleted,
 * or it was never attached). `keys` are the objects that were removed from storage.
 */
export const MediaDeleted = define<{
  media_id: string;
  owner_id: string;
  reason: 'tweet_deleted' | 'account_deleted' | 'unattached';
  keys: string[];
}>('MediaDeleted', 1);

// notify

/**
 * A service asks for a mail to be sent: only the notify service renders and sends mail.
 * `mail_id` is the idempotency key: a request delivered twice is sent once. The mail goes
 * to `to_user_id`'s address, or to `to_email` when given (a new address to confirm).
 * `data` fills the template's blanks and is shown in the mail, so it holds nothing
 * secret; a link's token travels in `sealed` (see sealed.ts), readable only by a process
 * that holds MAIL_SEAL_KEY.
 */
export const MailRequested = define<{
  mail_id: string;
  template: string;
  to_user_id: string;
  to_email?: string;
  data: Record<string, string>;
  sealed?: string;
}>('MailRequested', 1);

/** What a notification is about: each kind of thing Starling tells people in the app. */
export type NotificationType = 'follow' | 'mention' | 'reply' | 'like' | 'repost' | 'webhook_disabled';

/**
 * `recipient_id` has a new notification (the notify service's fact, which the live
 * streams of other services follow too). `actor_id` is who did it (none for one Starling
 * itself sends, such as `webhook_disabled`); `tweet_id` the tweet it is about;
 * `webhook_id` the webhook, for `webhook_disabled`. `notification_id` is time-sortable.
 */
export const NotificationCreated = define<{
  notification_id: string;
  recipient_id: string;
  type: NotificationType;
  actor_id?: string;
  tweet_id?: string;
  webhook_id?: string;
}>('NotificationCreated', 1);

/**
 * An API operation named in the notification rules (NOTIFY_RULES) was called: `before`
 * the handler ran, or `after` it answered with `status`. `path` is the operation's
 * template (`/api/v2/tweets/{id}`), `params` its path parameters; no body, query or
 * header is ever copied, so no secret is.
 */
export const OperationNoticed = define<{
  topic: string;
  phase: 'before' | 'after';
  operation_id: string;
  method: string;
  path: string;
  params: Record<string, string>;
  status?: number;
  actor_id?: string;
  request_id: string;
}>('OperationNoticed', 1);

// mastodon

/** The timelines a Mastodon client keeps a reading position in. */
export type MarkerTimeline = 'home' | 'notifications';

/**
 * `user_id` has read `timeline` up to `last_read_id` (a status or notification id, as the
 * client saw it), in a Mastodon client. One stream per user and timeline: its version
 * is the marker's `version`.
 */
export const MarkerSet = define<{ user_id: string; timeline: MarkerTimeline; last_read_id: string }>('MarkerSet', 1);

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
    EmailVerified,
    UserDeleted,
    SessionStarted,
    SessionEnded,
    AppRegistered,
    AppAuthorized,
    AppAuthorizationEnded,
    TweetPosted,
    TweetDeleted,
    TweetLiked,
    TweetUnliked,
    TweetReposted,
    TweetUnreposted,
    UserFollowed,
    UserUnfollowed,
    MediaUploadStarted,
    MediaUploaded,
    MediaProcessed,
    MediaFailed,
    MediaDescribed,
    MediaAttached,
    MediaDeleted,
    MailRequested,
    NotificationCreated,
    OperationNoticed,
    MarkerSet,
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

export { parseEntities, tagKey } from './entities.js';
