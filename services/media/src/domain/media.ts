import { refuse, type Aggregate, type Caller } from '@starling/kit';
import {
  MediaAttached,
  MediaDeleted,
  MediaDescribed,
  MediaFailed,
  MediaProcessed,
  MediaUploaded,
  MediaUploadStarted,
  newEvent,
  payloadOf,
  type MediaType,
} from '@starling/events';

export const mediaStream = (id: string) => `media-${id}`;

export const MAX_DESCRIPTION_LENGTH = 1500;

export type MediaPhase = 'none' | 'awaiting-upload' | 'processing' | 'ready' | 'failed' | 'deleted';

export interface MediaState {
  phase: MediaPhase;
  ownerId: string;
  /** Every object it has in storage: the upload, and once processed the file and preview. */
  keys: string[];
  /** The original's key (awaiting upload or uploaded). */
  key: string;
  contentType: string;
  type: MediaType;
  description?: string;
  expiresAt?: string;
  /** The tweet it is attached to, once it is. */
  tweetId?: string;
}

export const media: Aggregate<MediaState> = {
  initial: { phase: 'none', ownerId: '', keys: [], key: '', contentType: '', type: 'image' },
  evolve(state, event) {
    switch (event.type) {
      case MediaUploadStarted.type: {
        const d = payloadOf(MediaUploadStarted, event);
        return {
          ...state,
          phase: 'awaiting-upload',
          ownerId: d.owner_id,
          key: d.key,
          keys: [d.key],
          contentType: d.content_type,
          expiresAt: d.expires_at,
          ...(d.description !== undefined ? { description: d.description } : {}),
        };
      }
      case MediaUploaded.type: {
        const d = payloadOf(MediaUploaded, event);
        return {
          ...state,
          phase: 'processing',
          ownerId: d.owner_id,
          key: d.key,
          keys: [...new Set([...state.keys, d.key])],
          contentType: d.content_type,
          type: d.type,
          ...(d.description !== undefined ? { description: d.description } : {}),
        };
      }
      case MediaProcessed.type: {
        const d = payloadOf(MediaProcessed, event);
        return {
          ...state,
          phase: 'ready',
          type: d.type,
          keys: [...new Set([...state.keys, d.file_key, d.preview_key])],
        };
      }
      case MediaFailed.type:
        return { ...state, phase: 'failed' };
      case MediaDescribed.type:
        return { ...state, description: payloadOf(MediaDescribed, event).description };
      case MediaAttached.type:
        return { ...state, tweetId: payloadOf(MediaAttached, event).tweet_id };
      case MediaDeleted.type:
        return { ...state, phase: 'deleted', keys: [] };
      default:
        return state;
    }
  },
};

/** Media the caller may see and change: their own, and not deleted. Others' is as if it did not exist. */
export function mustBeOwn(state: MediaState, id: string, caller: Pick<Caller, 'userId'>): void {
  if (state.phase === 'none' || state.phase === 'deleted' || state.ownerId !== caller.userId) {
    throw refuse.notFound(`You have no media ${id}.`);
  }
}

export function describe(state: MediaState, id: string, caller: Pick<Caller, 'userId'>, description: string) {
  mustBeOwn(state, id, caller);
  return newEvent(MediaDescribed, { media_id: id, owner_id: state.ownerId, description });
}

/** The record of a stored upload, its type read from its bytes: what the extractor reacts to. */
export function uploaded(
  id: string,
  ownerId: string,
  file: { key: string; type: MediaType; contentType: string; size: number; description?: string | undefined },
) {
  return newEvent(MediaUploaded, {
    media_id: id,
    owner_id: ownerId,
    key: file.key,
    type: file.type,
    content_type: file.contentType,
    size: file.size,
    ...(file.description !== undefined ? { description: file.description } : {}),
  });
}

/** Whether the extractor still has work on it: a redelivered MediaUploaded finds it done and does nothing. */
export const awaitsExtraction = (state: MediaState) => state.phase === 'processing';

/** The deletion of media and its objects, or nothing when it is already gone. */
export function decideDeletion(
  state: MediaState,
  id: string,
  reason: 'tweet_deleted' | 'account_deleted' | 'unattached',
) {
  if (state.phase === 'none' || state.phase === 'deleted') return undefined;
  // Attached since the sweeper looked: it lives as long as its tweet now.
  if (reason === 'unattached' && state.tweetId) return undefined;
  return newEvent(MediaDeleted, { media_id: id, owner_id: state.ownerId, reason, keys: state.keys });
}

/**
 * Attaches the media to the tweet that named it, once: the tweets service checked when it
 * was posted that the media was its author's and not failed. Media deleted or attached
 * already (a redelivered TweetPosted) gives nothing.
 */
export function attach(state: MediaState, id: string, tweetId: string) {
  if (state.phase === 'none' || state.phase === 'deleted' || state.tweetId) return undefined;
  return newEvent(MediaAttached, { media_id: id, owner_id: state.ownerId, tweet_id: tweetId });
}
