import { etagOf } from '@starling/kit';
import type { UserView } from '../read-models.js';

/**
 * What a user's representation shows beyond their stream: the counts and, for an
 * authenticated caller looking at someone else, `following` and `followed_by`. It
 * leaves out what depends only on who asks (the email its owner sees), which `Vary`
 * already separates, so the owner's PUT answer and an anonymous GET of the same state
 * share an ETag.
 */
export const userShown = (view: UserView) => [
  view.followers_count,
  view.following_count,
  view.tweets_count,
  view.following ?? '',
  view.followed_by ?? '',
];

/** A user's ETag: their stream version and a digest of `userShown`. */
export const userEtag = (view: UserView): string => etagOf(view.version, userShown(view));
