import { routeHandlers, type ServiceContext } from '@starling/kit';
import type { RouteHandlerMethod } from 'fastify';
import type { MastodonDeps } from './deps.js';
import { mastodonClearNotifications } from './mastodon-clear-notifications.js';
import { mastodonDismissNotification } from './mastodon-dismiss-notification.js';
import { mastodonGetMarkers } from './mastodon-get-markers.js';
import { mastodonGetMedia } from './mastodon-get-media.js';
import { mastodonGetNotification } from './mastodon-get-notification.js';
import { mastodonListNotifications } from './mastodon-list-notifications.js';
import { mastodonSaveMarkers } from './mastodon-save-markers.js';
import { mastodonStreamHashtag } from './mastodon-stream-hashtag.js';
import { mastodonStreamPublic } from './mastodon-stream-public.js';
import { mastodonStreamUser } from './mastodon-stream-user.js';
import { mastodonStreaming } from './mastodon-streaming.js';
import { mastodonUpdateMedia } from './mastodon-update-media.js';
import { mastodonAccountFollowers } from './mastodon-account-followers.js';
import { mastodonAccountFollowing } from './mastodon-account-following.js';
import { mastodonAccountStatuses } from './mastodon-account-statuses.js';
import { mastodonAvatar } from './mastodon-avatar.js';
import { mastodonCustomEmojis } from './mastodon-custom-emojis.js';
import { mastodonDeleteStatus } from './mastodon-delete-status.js';
import { mastodonFavouriteStatus } from './mastodon-favourite-status.js';
import { mastodonFollowAccount } from './mastodon-follow-account.js';
import { mastodonGetAccount } from './mastodon-get-account.js';
import { mastodonGetStatus } from './mastodon-get-status.js';
import { mastodonHeader } from './mastodon-header.js';
import { mastodonHomeTimeline } from './mastodon-home-timeline.js';
import { mastodonInstanceV1 } from './mastodon-instance-v1.js';
import { mastodonInstance } from './mastodon-instance.js';
import { mastodonLookupAccount } from './mastodon-lookup-account.js';
import { mastodonNodeinfoLinks } from './mastodon-nodeinfo-links.js';
import { mastodonNodeinfo } from './mastodon-nodeinfo.js';
import { mastodonPostStatus } from './mastodon-post-status.js';
import { mastodonPreferences } from './mastodon-preferences.js';
import { mastodonPublicTimeline } from './mastodon-public-timeline.js';
import { mastodonReblogStatus } from './mastodon-reblog-status.js';
import { mastodonRelationships } from './mastodon-relationships.js';
import { mastodonSearchAccounts } from './mastodon-search-accounts.js';
import { mastodonSearch } from './mastodon-search.js';
import { mastodonStatusContext } from './mastodon-status-context.js';
import { mastodonStatusFavouritedBy } from './mastodon-status-favourited-by.js';
import { mastodonStatusRebloggedBy } from './mastodon-status-reblogged-by.js';
import { mastodonStreamingHealth } from './mastodon-streaming-health.js';
import { mastodonTagTimeline } from './mastodon-tag-timeline.js';
import { mastodonUnfavouriteStatus } from './mastodon-unfavourite-status.js';
import { mastodonUnfollowAccount } from './mastodon-unfollow-account.js';
import { mastodonUnreblogStatus } from './mastodon-unreblog-status.js';
import { mastodonUpdateCredentials } from './mastodon-update-credentials.js';
import { mastodonUploadMedia } from './mastodon-upload-media.js';
import { mastodonVerifyCredentials } from './mastodon-verify-credentials.js';

/** One handler per operationId in openapi.yaml. */
export function mastodonHandlers(ctx: ServiceContext, deps: MastodonDeps): Record<string, RouteHandlerMethod> {
  const handlers = {
    mastodonAccountFollowers,
    mastodonAccountFollowing,
    mastodonAccountStatuses,
    mastodonAvatar,
    mastodonCustomEmojis,
    mastodonDeleteStatus,
    mastodonFavouriteStatus,
    mastodonFollowAccount,
    mastodonGetAccount,
    mastodonGetStatus,
    mastodonHeader,
    mastodonHomeTimeline,
    mastodonInstanceV1,
    mastodonInstance,
    mastodonLookupAccount,
    mastodonNodeinfoLinks,
    mastodonNodeinfo,
    mastodonPostStatus,
    mastodonPreferences,
    mastodonPublicTimeline,
    mastodonReblogStatus,
    mastodonRelationships,
    mastodonSearchAccounts,
    mastodonSearch,
    mastodonStatusContext,
    mastodonStatusFavouritedBy,
    mastodonStatusRebloggedBy,
    mastodonStreamingHealth,
    mastodonTagTimeline,
    mastodonUnfavouriteStatus,
    mastodonUnfollowAccount,
    mastodonUnreblogStatus,
    mastodonUpdateCredentials,
    mastodonUploadMedia,
    mastodonVerifyCredentials,
    // notifications, markers, media, streaming
    mastodonListNotifications,
    mastodonGetNotification,
    mastodonDismissNotification,
    mastodonClearNotifications,
    mastodonGetMarkers,
    mastodonSaveMarkers,
    mastodonGetMedia,
    mastodonUpdateMedia,
    mastodonStreaming,
    mastodonStreamUser,
    mastodonStreamPublic,
    mastodonStreamHashtag,
  };
  return routeHandlers(handlers, ctx, deps);
}
