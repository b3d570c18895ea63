// Generated from services/mastodon/openapi.yaml by scripts/gen-openapi-types.js. Do not edit.

export interface paths {
    "/api/v1/instance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The server's description (Mastodon's v1 form) */
        get: operations["mastodonInstanceV1"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/instance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The server's description, limits and where its streaming API is */
        get: operations["mastodonInstance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/nodeinfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the NodeInfo document is */
        get: operations["mastodonNodeinfoLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodeinfo/2.0": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** NodeInfo 2.0: software, protocols and usage */
        get: operations["mastodonNodeinfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/custom_emojis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Custom emojis (Starling has none) */
        get: operations["mastodonCustomEmojis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's posting and reading preferences */
        get: operations["mastodonPreferences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mastodon/avatars/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's picture, made from its id (Starling has no profile pictures) */
        get: operations["mastodonAvatar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mastodon/header.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every account's header picture: one transparent pixel */
        get: operations["mastodonHeader"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/verify_credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's own account, with `source` */
        get: operations["mastodonVerifyCredentials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/update_credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the caller's display name and bio
         * @description JSON, a urlencoded form or multipart, as apps send it. `display_name` and `note` (plain text) are applied; other fields (avatar, header, fields_attributes, locked, bot…) are accepted and ignored, since Starling has no such settings.
         */
        patch: operations["mastodonUpdateCredentials"];
        trace?: never;
    };
    "/api/v1/accounts/relationships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the caller relates to each of these accounts */
        get: operations["mastodonRelationships"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account by its username (`acct`) */
        get: operations["mastodonLookupAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts matching a query */
        get: operations["mastodonSearchAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account */
        get: operations["mastodonGetAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/statuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's statuses, newest first */
        get: operations["mastodonAccountStatuses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/followers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who follows the account, newest follow first */
        get: operations["mastodonAccountFollowers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/following": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whom the account follows, newest follow first */
        get: operations["mastodonAccountFollowing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Follow the account (idempotent) */
        post: operations["mastodonFollowAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/unfollow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop following the account (idempotent) */
        post: operations["mastodonUnfollowAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post a status as the caller
         * @description `status` (up to the instance's max_characters), `in_reply_to_id` and `media_ids` are applied. Only `public` visibility exists on Starling: `unlisted` is posted as public; `private` and `direct` are refused with 422 rather than published to everyone. `sensitive`, `spoiler_text` and `language` are accepted and ignored. Scheduled statuses and polls are not supported (422).
         */
        post: operations["mastodonPostStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A status */
        get: operations["mastodonGetStatus"];
        put?: never;
        post?: never;
        /** Delete a status of the caller */
        delete: operations["mastodonDeleteStatus"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses/{id}/context": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The thread around a status */
        get: operations["mastodonStatusContext"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses/{id}/favourite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Like the status (idempotent) */
        post: operations["mastodonFavouriteStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses/{id}/unfavourite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop liking the status (idempotent) */
        post: operations["mastodonUnfavouriteStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses/{id}/reblog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Repost the status (idempotent) */
        post: operations["mastodonReblogStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses/{id}/unreblog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop reposting the status (idempotent) */
        post: operations["mastodonUnreblogStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses/{id}/favourited_by": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who likes the status, newest first */
        get: operations["mastodonStatusFavouritedBy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses/{id}/reblogged_by": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who reposts the status, newest first */
        get: operations["mastodonStatusRebloggedBy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/timelines/home": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's home timeline
         * @description Newest first; paged with `max_id`, `since_id` and `min_id` (docs/mastodon.md), `Link` naming the next (older) and previous (newer) pages.
         */
        get: operations["mastodonHomeTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/timelines/public": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every status
         * @description Newest first; paged with `max_id`, `since_id` and `min_id` (docs/mastodon.md), `Link` naming the next (older) and previous (newer) pages.
         */
        get: operations["mastodonPublicTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/timelines/tag/{hashtag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Statuses with a hashtag
         * @description Newest first; paged with `max_id`, `since_id` and `min_id` (docs/mastodon.md), `Link` naming the next (older) and previous (newer) pages.
         */
        get: operations["mastodonTagTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Accounts, statuses and hashtags matching a query
         * @description Answers only requests with a registered app's token (`client_id` in the token); any other request gets Starling's own search at this path (docs/mastodon.md).
         */
        get: operations["mastodonSearch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a picture to attach to a status
         * @description Answers only requests with a registered app's token; any other request gets Starling's own upload at this path (docs/mastodon.md). `focus` is accepted and ignored.
         */
        post: operations["mastodonUploadMedia"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/streaming/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the streaming API is up (Mastodon answers the text OK) */
        get: operations["mastodonStreamingHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's notifications, newest first, paged as Mastodon pages them
         * @description Starling's notification types map to Mastodon's: `follow`, `mention` (a reply is a mention), `favourite` (a like), `reblog` (a repost). Starling's own notices with no Mastodon type (a disabled webhook) are left out. `max_id` pages back, `since_id` and `min_id` forward; `Link` has rel="next" and rel="prev".
         */
        get: operations["mastodonListNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/clear": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Removes all of the caller's notifications */
        post: operations["mastodonClearNotifications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the caller's notifications */
        get: operations["mastodonGetNotification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Removes one of the caller's notifications */
        post: operations["mastodonDismissNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/markers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the caller stopped reading their home timeline and notifications */
        get: operations["mastodonGetMarkers"];
        put?: never;
        /**
         * Saves where the caller stopped reading
         * @description `home[last_read_id]` and/or `notifications[last_read_id]`, as a form or JSON. Each saved marker's `version` goes up by one when it moves. Moving the notifications marker forward also marks those notifications read in the web app.
         */
        post: operations["mastodonSaveMarkers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** One of the caller's uploads; 206 while it is still being processed */
        get: operations["mastodonGetMedia"];
        /**
         * Changes an upload's description (alt text)
         * @description `focus` ("x,y", each from -1.0 to 1.0) is checked and accepted, but Starling keeps no focal point: the answer's `meta` has none.
         */
        put: operations["mastodonUpdateMedia"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/streaming": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Mastodon's streaming API over a WebSocket
         * @description Upgrade to a WebSocket (`wss://…/api/v1/streaming`). The access token comes in the `access_token` query parameter, the `Sec-WebSocket-Protocol` header, or `Authorization`; a bad or missing token is refused with 401 before the upgrade. `stream` (and `tag`) subscribe at once; then send `{"type":"subscribe","stream":"user"|"public"|"public:local"|"hashtag"|"hashtag:local","tag":"…"}` or `"type":"unsubscribe"`. Events arrive as `{"stream":["user"],"event":"update"|"delete"|"notification","payload":"<JSON text>"}`. The connection closes when the token expires or is revoked. A plain GET, without the upgrade, is a 400.
         */
        get: operations["mastodonStreaming"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/streaming/user": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's home timeline and notifications, live (Server-Sent Events)
         * @description `event: update` with a Status for the caller's own posts and those (and reposts) of the accounts they follow, `event: notification` with a Notification, `event: delete` with a status id.
         */
        get: operations["mastodonStreamUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/streaming/public": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every new post, live (Server-Sent Events) */
        get: operations["mastodonStreamPublic"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/streaming/hashtag": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** New posts with a hashtag, live (Server-Sent Events) */
        get: operations["mastodonStreamHashtag"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Mastodon's error shape */
        MastodonError: {
            error: string;
            error_description?: string;
        };
        MastodonEmoji: {
            shortcode?: string;
        };
        MastodonAccount: {
            id: string;
            username: string;
            /** @description The bare username (every account is local) */
            acct: string;
            display_name: string;
            locked: boolean;
            bot: boolean;
            discoverable: boolean;
            group: boolean;
            indexable?: boolean;
            noindex?: boolean;
            /** Format: date-time */
            created_at: string;
            /** @description The bio as HTML */
            note: string;
            url: string;
            uri: string;
            avatar: string;
            avatar_static: string;
            header: string;
            header_static: string;
            followers_count: number;
            following_count: number;
            statuses_count: number;
            last_status_at: string | null;
            emojis: components["schemas"]["MastodonEmoji"][];
            fields: Record<string, never>[];
            roles?: Record<string, never>[];
        };
        MastodonCredentialAccount: components["schemas"]["MastodonAccount"] & {
            source: {
                privacy: string;
                sensitive: boolean;
                language?: string;
                /** @description The bio as plain text */
                note: string;
                fields: Record<string, never>[];
                follow_requests_count?: number;
            };
        };
        MastodonRelationship: {
            id: string;
            following: boolean;
            showing_reblogs?: boolean;
            notifying?: boolean;
            languages?: string[] | null;
            followed_by: boolean;
            blocking: boolean;
            blocked_by?: boolean;
            muting: boolean;
            muting_notifications?: boolean;
            requested: boolean;
            requested_by?: boolean;
            domain_blocking?: boolean;
            endorsed?: boolean;
            note?: string;
        };
        MastodonMediaAttachment: {
            id: string;
            /** @enum {string} */
            type: "image" | "gifv" | "video" | "audio" | "unknown";
            url: string | null;
            preview_url: string | null;
            remote_url?: string | null;
            preview_remote_url?: string | null;
            text_url?: string | null;
            meta: {
                original?: components["schemas"]["MastodonMediaSize"];
                small?: components["schemas"]["MastodonMediaSize"];
            } | null;
            description: string | null;
            blurhash: string | null;
        };
        MastodonMediaSize: {
            width?: number;
            height?: number;
            size?: string;
            aspect?: number;
        };
        MastodonMention: {
            id: string;
            username: string;
            url: string;
            acct: string;
        };
        MastodonTag: {
            name: string;
            url: string;
            history?: Record<string, never>[];
            following?: boolean;
        };
        MastodonStatus: {
            id: string;
            uri: string;
            url: string | null;
            /** Format: date-time */
            created_at: string;
            account: components["schemas"]["MastodonAccount"];
            /** @description HTML */
            content: string;
            /** @description The source text; only in the answer to a delete */
            text?: string;
            /** @enum {string} */
            visibility: "public" | "unlisted" | "private" | "direct";
            sensitive: boolean;
            spoiler_text: string;
            media_attachments: components["schemas"]["MastodonMediaAttachment"][];
            mentions: components["schemas"]["MastodonMention"][];
            tags: components["schemas"]["MastodonTag"][];
            emojis: components["schemas"]["MastodonEmoji"][];
            reblogs_count: number;
            favourites_count: number;
            replies_count: number;
            favourited?: boolean;
            reblogged?: boolean;
            bookmarked?: boolean;
            muted?: boolean;
            pinned?: boolean;
            in_reply_to_id: string | null;
            in_reply_to_account_id: string | null;
            reblog: null | components["schemas"]["MastodonStatus"];
            application: null;
            language: string | null;
            card: null;
            poll: null;
            edited_at: string | null;
        };
        MastodonContext: {
            ancestors: components["schemas"]["MastodonStatus"][];
            descendants: components["schemas"]["MastodonStatus"][];
        };
        MastodonSearch: {
            accounts: components["schemas"]["MastodonAccount"][];
            statuses: components["schemas"]["MastodonStatus"][];
            hashtags: components["schemas"]["MastodonTag"][];
        };
        MastodonPreferences: {
            "posting:default:visibility": string;
            "posting:default:sensitive": boolean;
            "posting:default:language": string | null;
            "reading:expand:media": string;
            "reading:expand:spoilers": boolean;
        };
        MastodonInstance: {
            domain: string;
            title: string;
            version: string;
            source_url: string;
            description: string;
            usage: {
                users?: {
                    active_month?: number;
                };
            };
            thumbnail: {
                url?: string;
            };
            icon?: Record<string, never>[];
            languages: string[];
            configuration: components["schemas"]["MastodonInstanceConfiguration"];
            registrations: {
                enabled?: boolean;
                approval_required?: boolean;
                message?: string | null;
                url?: string | null;
            };
            api_versions?: {
                mastodon?: number;
            };
            contact: {
                email?: string;
                account?: null;
            };
            rules: Record<string, never>[];
        };
        MastodonInstanceConfiguration: {
            urls?: {
                streaming?: string;
            };
            vapid?: {
                public_key?: string;
            };
            accounts?: {
                max_featured_tags?: number;
                max_pinned_statuses?: number;
            };
            statuses?: {
                max_characters?: number;
                max_media_attachments?: number;
                characters_reserved_per_url?: number;
            };
            media_attachments?: {
                supported_mime_types?: string[];
                description_limit?: number;
                image_size_limit?: number;
                image_matrix_limit?: number;
                video_size_limit?: number;
                video_frame_rate_limit?: number;
                video_matrix_limit?: number;
            };
            polls?: {
                max_options?: number;
                max_characters_per_option?: number;
                min_expiration?: number;
                max_expiration?: number;
            };
            translation?: {
                enabled?: boolean;
            };
        };
        MastodonInstanceV1: {
            uri: string;
            title: string;
            short_description: string;
            description: string;
            email: string;
            version: string;
            urls: {
                streaming_api?: string;
            };
            stats: {
                user_count?: number;
                status_count?: number;
                domain_count?: number;
            };
            thumbnail?: string | null;
            languages: string[];
            registrations: boolean;
            approval_required: boolean;
            invites_enabled: boolean;
            configuration: components["schemas"]["MastodonInstanceConfiguration"];
            contact_account?: null;
            rules?: Record<string, never>[];
        };
        MastodonNodeinfoLinks: {
            links: {
                rel: string;
                href: string;
            }[];
        };
        MastodonNodeinfo: {
            version: string;
            software: {
                name?: string;
                version?: string;
            };
            protocols: string[];
            services: {
                outbound?: string[];
                inbound?: string[];
            };
            usage: {
                users?: {
                    total?: number;
                    activeMonth?: number;
                    activeHalfyear?: number;
                };
                localPosts?: number;
            };
            openRegistrations: boolean;
            metadata: Record<string, never>;
        };
        /** @description Mastodon's Notification */
        MastodonNotification: {
            id: string;
            /** @enum {string} */
            type: "follow" | "mention" | "favourite" | "reblog";
            /** Format: date-time */
            created_at: string;
            account: components["schemas"]["MastodonAccount"];
            status?: components["schemas"]["MastodonStatus"];
            group_key?: string;
        };
        /** @enum {string} */
        MastodonMarkerTimeline: "home" | "notifications";
        MastodonLastReadId: string;
        MastodonMarkerInput: {
            last_read_id: components["schemas"]["MastodonLastReadId"];
        };
        /** @description Mastodon's Marker */
        MastodonMarker: {
            last_read_id: string;
            /** @description How many times the marker has moved */
            version: number;
            /** Format: date-time */
            updated_at: string;
        };
        MastodonMarkers: {
            home?: components["schemas"]["MastodonMarker"];
            notifications?: components["schemas"]["MastodonMarker"];
        };
        MastodonMediaUpdate: {
            description?: string;
            /** @description "x,y", each from -1.0 to 1.0 */
            focus?: string;
            /** @description Not supported; refused */
            thumbnail?: unknown;
        };
        /** @enum {string} */
        MastodonStreamName: "user" | "user:notification" | "public" | "public:local" | "hashtag" | "hashtag:local";
    };
    responses: {
        /** @description Mastodon's error: the reason, in words */
        MastodonError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MastodonError"];
            };
        };
        /** @description Server-Sent Events: `event: update|delete|notification` and `data:` its payload */
        MastodonEventStream: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/event-stream": string;
            };
        };
    };
    parameters: {
        /** @description Only what is older than this id */
        MastodonMaxId: string;
        /** @description Only what is newer than this id (the newest of them) */
        MastodonSinceId: string;
        /** @description Only what is newer than this id (those right after it) */
        MastodonMinId: string;
        /** @description At most this many; statuses stop at 40, accounts at 80 */
        MastodonLimit: number;
        /** @description Skip this many results */
        MastodonOffset: number;
        MastodonNotificationId: string;
        /** @description The access token, for clients that cannot send headers (browsers' WebSocket and EventSource) */
        MastodonAccessToken: string;
        /** @description The hashtag of a `hashtag` stream, without the `#` */
        MastodonTag: string;
    };
    requestBodies: never;
    headers: {
        /** @description RFC 8288 links: rel="next" (older, `max_id`) and rel="prev" (newer, `min_id`) */
        MastodonLink: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    mastodonInstanceV1: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The instance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonInstanceV1"];
                };
            };
            400: components["responses"]["MastodonError"];
        };
    };
    mastodonInstance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The instance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonInstance"];
                };
            };
            400: components["responses"]["MastodonError"];
        };
    };
    mastodonNodeinfoLinks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Links to NodeInfo */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonNodeinfoLinks"];
                };
            };
            400: components["responses"]["MastodonError"];
        };
    };
    mastodonNodeinfo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description NodeInfo */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonNodeinfo"];
                };
            };
            400: components["responses"]["MastodonError"];
        };
    };
    mastodonCustomEmojis: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No emojis */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>[];
                };
            };
            400: components["responses"]["MastodonError"];
        };
    };
    mastodonPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Preferences */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonPreferences"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
        };
    };
    mastodonAvatar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A PNG */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            400: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
        };
    };
    mastodonHeader: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A PNG */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            400: components["responses"]["MastodonError"];
        };
    };
    mastodonVerifyCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonCredentialAccount"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
        };
    };
    mastodonUpdateCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    display_name?: string;
                    note?: string;
                } & {
                    [key: string]: unknown;
                };
                "application/x-www-form-urlencoded": {
                    display_name?: string;
                    note?: string;
                } & {
                    [key: string]: unknown;
                };
                "multipart/form-data": {
                    display_name?: string;
                    note?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonCredentialAccount"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
            413: components["responses"]["MastodonError"];
            415: components["responses"]["MastodonError"];
            422: components["responses"]["MastodonError"];
        };
    };
    mastodonRelationships: {
        parameters: {
            query?: {
                "id[]"?: string[];
                id?: string[];
                with_suspended?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One relationship per known id, in order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonRelationship"][];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
        };
    };
    mastodonLookupAccount: {
        parameters: {
            query: {
                acct: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonAccount"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
        };
    };
    mastodonSearchAccounts: {
        parameters: {
            query: {
                q: string;
                /** @description At most this many; statuses stop at 40, accounts at 80 */
                limit?: components["parameters"]["MastodonLimit"];
                /** @description Skip this many results */
                offset?: components["parameters"]["MastodonOffset"];
                resolve?: boolean;
                following?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accounts, best match first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonAccount"][];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
        };
    };
    mastodonGetAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonAccount"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
        };
    };
    mastodonAccountStatuses: {
        parameters: {
            query?: {
                /** @description Only what is older than this id */
                max_id?: components["parameters"]["MastodonMaxId"];
                /** @description Only what is newer than this id (the newest of them) */
                since_id?: components["parameters"]["MastodonSinceId"];
                /** @description Only what is newer than this id (those right after it) */
                min_id?: components["parameters"]["MastodonMinId"];
                /** @description At most this many; statuses stop at 40, accounts at 80 */
                limit?: components["parameters"]["MastodonLimit"];
                exclude_replies?: boolean;
                exclude_reblogs?: boolean;
                only_media?: boolean;
                /** @description Starling has no pins: an empty list */
                pinned?: boolean;
                tagged?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Statuses */
            200: {
                headers: {
                    Link: components["headers"]["MastodonLink"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonStatus"][];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
        };
    };
    mastodonAccountFollowers: {
        parameters: {
            query?: {
                /** @description Only what is older than this id */
                max_id?: components["parameters"]["MastodonMaxId"];
                /** @description At most this many; statuses stop at 40, accounts at 80 */
                limit?: components["parameters"]["MastodonLimit"];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accounts */
            200: {
                headers: {
                    Link: components["headers"]["MastodonLink"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonAccount"][];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
        };
    };
    mastodonAccountFollowing: {
        parameters: {
            query?: {
                /** @description Only what is older than this id */
                max_id?: components["parameters"]["MastodonMaxId"];
                /** @description At most this many; statuses stop at 40, accounts at 80 */
                limit?: components["parameters"]["MastodonLimit"];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accounts */
            200: {
                headers: {
                    Link: components["headers"]["MastodonLink"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonAccount"][];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
        };
    };
    mastodonFollowAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The relationship now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonRelationship"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            409: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
        };
    };
    mastodonUnfollowAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The relationship now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonRelationship"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            409: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
        };
    };
    mastodonPostStatus: {
        parameters: {
            query?: never;
            header?: {
                /** @description A repeated key from the same account within a day answers the first status again, and posts nothing */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    status?: string;
                    in_reply_to_id?: string | null;
                    media_ids?: string[];
                    "media_ids[]"?: string[] | string;
                    /** @enum {string} */
                    visibility?: "public" | "unlisted" | "private" | "direct";
                    sensitive?: boolean | string;
                    spoiler_text?: string;
                    language?: string | null;
                } & {
                    [key: string]: unknown;
                };
                "application/x-www-form-urlencoded": {
                    status?: string;
                    in_reply_to_id?: string | null;
                    media_ids?: string[];
                    "media_ids[]"?: string[] | string;
                    /** @enum {string} */
                    visibility?: "public" | "unlisted" | "private" | "direct";
                    sensitive?: boolean | string;
                    spoiler_text?: string;
                    language?: string | null;
                } & {
                    [key: string]: unknown;
                };
                "multipart/form-data": {
                    status?: string;
                    in_reply_to_id?: string | null;
                    media_ids?: string[];
                    "media_ids[]"?: string[] | string;
                    /** @enum {string} */
                    visibility?: "public" | "unlisted" | "private" | "direct";
                    sensitive?: boolean | string;
                    spoiler_text?: string;
                    language?: string | null;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description The status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonStatus"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            413: components["responses"]["MastodonError"];
            415: components["responses"]["MastodonError"];
            422: components["responses"]["MastodonError"];
        };
    };
    mastodonGetStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonStatus"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
        };
    };
    mastodonDeleteStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted status with its `text`, for "delete and redraft" */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonStatus"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
        };
    };
    mastodonStatusContext: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ancestors and descendants */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonContext"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
        };
    };
    mastodonFavouriteStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The status as it now is */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonStatus"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            409: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
        };
    };
    mastodonUnfavouriteStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The status as it now is */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonStatus"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            409: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
        };
    };
    mastodonReblogStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
                "application/x-www-form-urlencoded": Record<string, never>;
            };
        };
        responses: {
            /** @description The status as it now is */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonStatus"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            409: components["responses"]["MastodonError"];
            413: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
            415: components["responses"]["MastodonError"];
        };
    };
    mastodonUnreblogStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The status as it now is */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonStatus"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            409: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
        };
    };
    mastodonStatusFavouritedBy: {
        parameters: {
            query?: {
                /** @description Only what is older than this id */
                max_id?: components["parameters"]["MastodonMaxId"];
                /** @description At most this many; statuses stop at 40, accounts at 80 */
                limit?: components["parameters"]["MastodonLimit"];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accounts */
            200: {
                headers: {
                    Link: components["headers"]["MastodonLink"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonAccount"][];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
        };
    };
    mastodonStatusRebloggedBy: {
        parameters: {
            query?: {
                /** @description Only what is older than this id */
                max_id?: components["parameters"]["MastodonMaxId"];
                /** @description At most this many; statuses stop at 40, accounts at 80 */
                limit?: components["parameters"]["MastodonLimit"];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accounts */
            200: {
                headers: {
                    Link: components["headers"]["MastodonLink"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonAccount"][];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
        };
    };
    mastodonHomeTimeline: {
        parameters: {
            query?: {
                /** @description Only what is older than this id */
                max_id?: components["parameters"]["MastodonMaxId"];
                /** @description Only what is newer than this id (the newest of them) */
                since_id?: components["parameters"]["MastodonSinceId"];
                /** @description Only what is newer than this id (those right after it) */
                min_id?: components["parameters"]["MastodonMinId"];
                /** @description At most this many; statuses stop at 40, accounts at 80 */
                limit?: components["parameters"]["MastodonLimit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Statuses */
            200: {
                headers: {
                    Link: components["headers"]["MastodonLink"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonStatus"][];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
        };
    };
    mastodonPublicTimeline: {
        parameters: {
            query?: {
                /** @description Only what is older than this id */
                max_id?: components["parameters"]["MastodonMaxId"];
                /** @description Only what is newer than this id (the newest of them) */
                since_id?: components["parameters"]["MastodonSinceId"];
                /** @description Only what is newer than this id (those right after it) */
                min_id?: components["parameters"]["MastodonMinId"];
                /** @description At most this many; statuses stop at 40, accounts at 80 */
                limit?: components["parameters"]["MastodonLimit"];
                /** @description Every account is local: the same timeline */
                local?: boolean;
                /** @description No account is remote: an empty list */
                remote?: boolean;
                only_media?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Statuses */
            200: {
                headers: {
                    Link: components["headers"]["MastodonLink"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonStatus"][];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
        };
    };
    mastodonTagTimeline: {
        parameters: {
            query?: {
                /** @description Only what is older than this id */
                max_id?: components["parameters"]["MastodonMaxId"];
                /** @description Only what is newer than this id (the newest of them) */
                since_id?: components["parameters"]["MastodonSinceId"];
                /** @description Only what is newer than this id (those right after it) */
                min_id?: components["parameters"]["MastodonMinId"];
                /** @description At most this many; statuses stop at 40, accounts at 80 */
                limit?: components["parameters"]["MastodonLimit"];
                local?: boolean;
                only_media?: boolean;
            };
            header?: never;
            path: {
                hashtag: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Statuses */
            200: {
                headers: {
                    Link: components["headers"]["MastodonLink"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonStatus"][];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
        };
    };
    mastodonSearch: {
        parameters: {
            query: {
                q: string;
                type?: "accounts" | "statuses" | "hashtags";
                resolve?: boolean;
                following?: boolean;
                exclude_unreviewed?: boolean;
                account_id?: string;
                /** @description At most this many; statuses stop at 40, accounts at 80 */
                limit?: components["parameters"]["MastodonLimit"];
                /** @description Skip this many results */
                offset?: components["parameters"]["MastodonOffset"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonSearch"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
        };
    };
    mastodonUploadMedia: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                    /** Format: binary */
                    thumbnail?: string;
                    description?: string;
                    focus?: string;
                };
            };
        };
        responses: {
            /** @description Processed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonMediaAttachment"];
                };
            };
            /** @description Still processing: `url` is null until it is ready */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonMediaAttachment"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
            413: components["responses"]["MastodonError"];
            415: components["responses"]["MastodonError"];
            422: components["responses"]["MastodonError"];
        };
    };
    mastodonStreamingHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "OK";
                };
            };
            400: components["responses"]["MastodonError"];
        };
    };
    mastodonListNotifications: {
        parameters: {
            query?: {
                /** @description Only what is older than this id */
                max_id?: components["parameters"]["MastodonMaxId"];
                /** @description Only what is newer than this id (the newest of them) */
                since_id?: components["parameters"]["MastodonSinceId"];
                /** @description Only what is newer than this id (those right after it) */
                min_id?: components["parameters"]["MastodonMinId"];
                limit?: number;
                "types[]"?: string[];
                "exclude_types[]"?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of notifications */
            200: {
                headers: {
                    /** @description rel="next" (older) and rel="prev" (newer) pages */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonNotification"][];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
        };
    };
    mastodonClearNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cleared */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
        };
    };
    mastodonGetNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["MastodonNotificationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notification */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonNotification"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
        };
    };
    mastodonDismissNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["MastodonNotificationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Dismissed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
        };
    };
    mastodonGetMarkers: {
        parameters: {
            query?: {
                "timeline[]"?: components["schemas"]["MastodonMarkerTimeline"][];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The markers asked for that exist */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonMarkers"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
        };
    };
    mastodonSaveMarkers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    home?: components["schemas"]["MastodonMarkerInput"];
                    notifications?: components["schemas"]["MastodonMarkerInput"];
                };
                "application/x-www-form-urlencoded": {
                    "home[last_read_id]"?: components["schemas"]["MastodonLastReadId"];
                    "notifications[last_read_id]"?: components["schemas"]["MastodonLastReadId"];
                };
            };
        };
        responses: {
            /** @description The markers saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonMarkers"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            409: components["responses"]["MastodonError"];
            415: components["responses"]["MastodonError"];
            422: components["responses"]["MastodonError"];
        };
    };
    mastodonGetMedia: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Processed, `url` set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonMediaAttachment"];
                };
            };
            /** @description Still processing, `url` null */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonMediaAttachment"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
            422: components["responses"]["MastodonError"];
        };
    };
    mastodonUpdateMedia: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MastodonMediaUpdate"];
                "application/x-www-form-urlencoded": components["schemas"]["MastodonMediaUpdate"];
            };
        };
        responses: {
            /** @description The upload, described anew */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MastodonMediaAttachment"];
                };
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
            404: components["responses"]["MastodonError"];
            414: components["responses"]["MastodonError"];
            415: components["responses"]["MastodonError"];
            422: components["responses"]["MastodonError"];
        };
    };
    mastodonStreaming: {
        parameters: {
            query?: {
                /** @description The access token, for clients that cannot send headers (browsers' WebSocket and EventSource) */
                access_token?: components["parameters"]["MastodonAccessToken"];
                stream?: components["schemas"]["MastodonStreamName"];
                /** @description The hashtag of a `hashtag` stream, without the `#` */
                tag?: components["parameters"]["MastodonTag"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching to the WebSocket protocol */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
        };
    };
    mastodonStreamUser: {
        parameters: {
            query?: {
                /** @description The access token, for clients that cannot send headers (browsers' WebSocket and EventSource) */
                access_token?: components["parameters"]["MastodonAccessToken"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MastodonEventStream"];
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
        };
    };
    mastodonStreamPublic: {
        parameters: {
            query?: {
                /** @description The access token, for clients that cannot send headers (browsers' WebSocket and EventSource) */
                access_token?: components["parameters"]["MastodonAccessToken"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MastodonEventStream"];
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
        };
    };
    mastodonStreamHashtag: {
        parameters: {
            query: {
                /** @description The access token, for clients that cannot send headers (browsers' WebSocket and EventSource) */
                access_token?: components["parameters"]["MastodonAccessToken"];
                tag: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MastodonEventStream"];
            400: components["responses"]["MastodonError"];
            401: components["responses"]["MastodonError"];
            403: components["responses"]["MastodonError"];
        };
    };
}
