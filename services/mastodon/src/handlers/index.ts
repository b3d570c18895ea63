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
import { mastodonStreamingHealth } from './mastodon-streaming-health.js';
import { mastodonUpdateMedia } from './mastodon-update-media.js';

/** One handler per operationId in openapi.yaml. */
export function mastodonHandlers(ctx: ServiceContext, deps: MastodonDeps): Record<string, RouteHandlerMethod> {
  const handlers = {
    mastodonStreamingHealth,
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
