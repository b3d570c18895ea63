// Generated from services/mastodon/openapi.yaml by scripts/gen-openapi-types.js. Do not edit.

export interface paths {
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
        /** @description Mastodon's Notification */
        MastodonNotification: {
            id: string;
            /** @enum {string} */
            type: "follow" | "mention" | "favourite" | "reblog";
            /** Format: date-time */
            created_at: string;
            account: components["schemas"]["LiveAccount"];
            status?: components["schemas"]["LiveStatus"];
            group_key?: string;
        };
        /** @description Mastodon's Account (the presenter's, shared with the accounts endpoints) */
        LiveAccount: {
            id: string;
            username: string;
            acct: string;
        };
        /** @description Mastodon's Status (the presenter's, shared with the statuses endpoints) */
        LiveStatus: {
            id: string;
            /** Format: date-time */
            created_at: string;
            content: string;
        };
        /** @enum {string} */
        MarkerTimeline: "home" | "notifications";
        LastReadId: string;
        MarkerInput: {
            last_read_id: components["schemas"]["LastReadId"];
        };
        /** @description Mastodon's Marker */
        Marker: {
            last_read_id: string;
            /** @description How many times the marker has moved */
            version: number;
            /** Format: date-time */
            updated_at: string;
        };
        Markers: {
            home?: components["schemas"]["Marker"];
            notifications?: components["schemas"]["Marker"];
        };
        /** @description Mastodon's MediaAttachment */
        MastodonMediaAttachment: {
            id: string;
            /** @enum {string} */
            type: "image" | "gifv" | "video" | "audio" | "unknown";
            url: string | null;
            preview_url: string | null;
            remote_url: null;
            text_url?: null;
            meta: {
                original?: components["schemas"]["MastodonMediaSize"];
                small?: components["schemas"]["MastodonMediaSize"];
            } | null;
            description: string | null;
            blurhash: string | null;
        };
        MastodonMediaSize: {
            width: number;
            height: number;
            /** @description "<width>x<height>" */
            size: string;
            aspect: number;
        };
        MastodonMediaUpdate: {
            description?: string;
            /** @description "x,y", each from -1.0 to 1.0 */
            focus?: string;
            /** @description Not supported; refused */
            thumbnail?: unknown;
        };
        /** @enum {string} */
        StreamName: "user" | "user:notification" | "public" | "public:local" | "hashtag" | "hashtag:local";
        /** @description Mastodon's error shape */
        Error: {
            error: string;
            error_description?: string;
        };
    };
    responses: {
        /** @description Mastodon's error */
        Error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Server-Sent Events: `event: update|delete|notification` and `data:` its payload */
        EventStream: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/event-stream": string;
            };
        };
    };
    parameters: {
        /** @description Only notifications older than this one */
        MaxId: string;
        /** @description Only notifications newer than this one (the newest page) */
        SinceId: string;
        /** @description Only notifications newer than this one (the page just after it) */
        MinId: string;
        NotificationId: string;
        /** @description The access token, for clients that cannot send headers (browsers' WebSocket and EventSource) */
        AccessToken: string;
        /** @description The hashtag of a `hashtag` stream, without the `#` */
        Tag: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
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
        };
    };
    mastodonListNotifications: {
        parameters: {
            query?: {
                /** @description Only notifications older than this one */
                max_id?: components["parameters"]["MaxId"];
                /** @description Only notifications newer than this one (the newest page) */
                since_id?: components["parameters"]["SinceId"];
                /** @description Only notifications newer than this one (the page just after it) */
                min_id?: components["parameters"]["MinId"];
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
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
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
            401: components["responses"]["Error"];
        };
    };
    mastodonGetNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["NotificationId"];
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
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    mastodonDismissNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["NotificationId"];
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
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    mastodonGetMarkers: {
        parameters: {
            query?: {
                "timeline[]"?: components["schemas"]["MarkerTimeline"][];
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
                    "application/json": components["schemas"]["Markers"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
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
                    home?: components["schemas"]["MarkerInput"];
                    notifications?: components["schemas"]["MarkerInput"];
                };
                "application/x-www-form-urlencoded": {
                    "home[last_read_id]"?: components["schemas"]["LastReadId"];
                    "notifications[last_read_id]"?: components["schemas"]["LastReadId"];
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
                    "application/json": components["schemas"]["Markers"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            409: components["responses"]["Error"];
            415: components["responses"]["Error"];
            422: components["responses"]["Error"];
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
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            422: components["responses"]["Error"];
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
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            415: components["responses"]["Error"];
            422: components["responses"]["Error"];
        };
    };
    mastodonStreaming: {
        parameters: {
            query?: {
                /** @description The access token, for clients that cannot send headers (browsers' WebSocket and EventSource) */
                access_token?: components["parameters"]["AccessToken"];
                stream?: components["schemas"]["StreamName"];
                /** @description The hashtag of a `hashtag` stream, without the `#` */
                tag?: components["parameters"]["Tag"];
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
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
        };
    };
    mastodonStreamUser: {
        parameters: {
            query?: {
                /** @description The access token, for clients that cannot send headers (browsers' WebSocket and EventSource) */
                access_token?: components["parameters"]["AccessToken"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EventStream"];
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
        };
    };
    mastodonStreamPublic: {
        parameters: {
            query?: {
                /** @description The access token, for clients that cannot send headers (browsers' WebSocket and EventSource) */
                access_token?: components["parameters"]["AccessToken"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EventStream"];
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
        };
    };
    mastodonStreamHashtag: {
        parameters: {
            query: {
                /** @description The access token, for clients that cannot send headers (browsers' WebSocket and EventSource) */
                access_token?: components["parameters"]["AccessToken"];
                tag: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EventStream"];
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
        };
    };
}
