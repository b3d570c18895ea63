// Generated from services/notify/openapi.yaml by scripts/gen-openapi-types.js. Do not edit.

export interface paths {
    "/api/v2/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's notifications, newest first
         * @description Each notification says what happened (`type`), who did it (`account`) and, for one about a tweet, the tweet. A notification whose tweet or account has since been deleted is gone, not shown broken. Filter with `types[]` (only these) or `exclude_types[]` (all but these).
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/notifications/unread_count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of the caller's notifications are newer than the last one they read */
        get: operations["countUnreadNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Marks the caller's notifications read, up to one of them
         * @description Every notification up to and including `up_to_id` (without it: every notification so far) counts as read. The read marker never moves back: marking an older one read changes nothing.
         */
        post: operations["markNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the caller wants to hear of each kind of notification by email */
        get: operations["getNotificationPreferences"];
        /**
         * Changes how the caller hears of some kinds of notification by email
         * @description `email` maps a notification type to `off`, `immediate` (one mail per notification) or `digest` (one mail a day listing them). Types left out keep their setting.
         */
        put: operations["updateNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of the caller's notifications
         * @description One that does not exist, is not the caller's or may no longer be shown is a 404.
         */
        get: operations["getNotification"];
        put?: never;
        post?: never;
        /**
         * Removes one of the caller's notifications
         * @description One that does not exist or is not the caller's is a 404.
         */
        delete: operations["dismissNotification"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/streaming/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's new notifications, live (Server-Sent Events)
         * @description `event: notification` with the Notification JSON as each arrives. Every event has an `id:`; a client reconnecting with `Last-Event-ID` gets every notification after that one. A `: heartbeat` comment is sent every `STREAM_HEARTBEAT_SECONDS`.
         */
        get: operations["streamNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's webhooks (an admin also sees the instance's) */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Registers a URL to receive signed deliveries of some events
         * @description The answer holds the signing secret, shown this once. An account's webhook may take the `notification.*` events of that account and `tweet.created` / `tweet.deleted` of its own tweets; an instance webhook (`scope: instance`, admins only) may also take `account.created`, `account.deleted` and the topics of the notification rules (`topic.<name>`). A URL that resolves to a loopback, private, link-local or metadata address is refused unless WEBHOOK_ALLOW_PRIVATE is set.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook (never its secret) */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Removes a webhook; deliveries not yet made are dropped */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Changes a webhook's URL, events, description or whether it is enabled
         * @description Enabling a webhook that was disabled after repeated failures starts its deliveries again.
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/v2/webhooks/{id}/rotate_secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replaces a webhook's signing secret; the answer shows the new one, once */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's deliveries, newest first */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/webhooks/{id}/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends a delivery again (a new attempt, the same `webhook-id`) */
        post: operations["redeliverWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Mail Starling has sent or is sending, newest first (admins only)
         * @description Every mail the services asked for: to whom, its subject, its state (`pending`, `sent`, `failed`), attempts and the last error. Without SMTP_URL the mail is written to DATA_DIR/mail as `.eml` files instead of sent, and this is how to read it.
         */
        get: operations["listMail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/mail/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One mail with its text and HTML bodies (admins only) */
        get: operations["getMail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/mail/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One-click unsubscribe (RFC 8058), from the link in a notification email
         * @description Needs no login: the `token` in the mail's `List-Unsubscribe` link says whose preference to turn off and for which notification type (`off` for every type when the mail was a digest). Mail clients POST `List-Unsubscribe=One-Click` as a form; the body is not required. Unsubscribing twice is no error.
         */
        post: operations["unsubscribe"];
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
        /**
         * @description What happened: `follow` (they followed you), `mention` (a tweet of theirs names you), `reply` (they replied to your tweet), `like`, `repost` (of your tweet), `webhook_disabled` (one of your webhooks failed too often and was turned off).
         * @enum {string}
         */
        NotificationType: "follow" | "mention" | "reply" | "like" | "repost" | "webhook_disabled";
        /** @description Who did it */
        NotificationAccount: {
            id: string;
            username: string;
            name: string;
        };
        /** @description The tweet it is about (theirs for a mention or reply, yours for a like or repost) */
        NotificationTweet: {
            id: string;
            author_id: string;
            body: string;
            /** Format: date-time */
            created_at: string;
        };
        Notification: {
            /** @description Time-sortable; the newest has the greatest */
            id: string;
            type: components["schemas"]["NotificationType"];
            account?: components["schemas"]["NotificationAccount"];
            tweet?: components["schemas"]["NotificationTweet"];
            /** @description For `webhook_disabled` */
            webhook_id?: string;
            /** Format: date-time */
            created_at: string;
            /** @description Whether it is at or before the caller's read marker */
            read: boolean;
        };
        NotificationPage: {
            notifications: components["schemas"]["Notification"][];
        };
        /** @enum {string} */
        EmailPreference: "off" | "immediate" | "digest";
        EmailPreferences: {
            follow?: components["schemas"]["EmailPreference"];
            mention?: components["schemas"]["EmailPreference"];
            reply?: components["schemas"]["EmailPreference"];
            like?: components["schemas"]["EmailPreference"];
            repost?: components["schemas"]["EmailPreference"];
        };
        NotificationPreferences: {
            /** @description Every type with its setting */
            email: components["schemas"]["EmailPreferences"];
        };
        /** @description `notification.<type>` for the owner's notifications, `tweet.created` and `tweet.deleted` of the owner's tweets; for instance webhooks also `account.created`, `account.deleted` and `topic.<name>` (a notification rule's topic). */
        WebhookEvent: string;
        NewWebhook: {
            /**
             * Format: uri
             * @description An http or https URL
             */
            url: string;
            events: components["schemas"]["WebhookEvent"][];
            description?: string;
            /**
             * @description `instance` (admins only): events of the whole instance, not one account
             * @default account
             * @enum {string}
             */
            scope: "account" | "instance";
        };
        WebhookChanges: {
            /** Format: uri */
            url?: string;
            events?: components["schemas"]["WebhookEvent"][];
            description?: string;
            enabled?: boolean;
        };
        Webhook: {
            id: string;
            url: string;
            events: components["schemas"]["WebhookEvent"][];
            description: string;
            /** @enum {string} */
            scope: "account" | "instance";
            enabled: boolean;
            /** @description Present when Starling turned it off (after repeated failures) */
            disabled_reason?: string;
            /** Format: date-time */
            created_at: string;
        };
        WebhookWithSecret: components["schemas"]["Webhook"] & {
            /** @description `whsec_` and base64: the signing key (Standard Webhooks), shown once */
            secret: string;
        };
        WebhookDelivery: {
            /** @description Also its `webhook-id` header */
            id: string;
            event_type: components["schemas"]["WebhookEvent"];
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
            attempts: number;
            /** @description The receiver's last HTTP status */
            response_code?: number;
            /** @description How long the last attempt took */
            latency_ms?: number;
            /** @description Why the last attempt failed */
            error?: string;
            /** @description The start of the last response body */
            response_excerpt?: string;
            /** Format: date-time */
            next_attempt_at?: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            delivered_at?: string;
        };
        Mail: {
            id: string;
            /** @description What it is: `confirm-email`, `password-reset`, `notification`, `digest` */
            template: string;
            /** @description The address it went to */
            to: string;
            subject: string;
            /** @enum {string} */
            status: "pending" | "sent" | "failed";
            attempts: number;
            /** @description Why the last attempt failed */
            error?: string;
            /** @description Its Message-ID; a redelivered request never sends it twice */
            idempotency_key?: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            sent_at?: string;
        };
        MailWithBody: components["schemas"]["Mail"] & {
            text: string;
            html: string;
        };
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            instance?: string;
            errors?: {
                field: string;
                reason: string;
            }[];
        };
    };
    responses: {
        /** @description An error (RFC 9457) */
        Problem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        Limit: number;
        /** @description Opaque; taken from a `Link` rel="next". */
        Cursor: string;
        Id: string;
        /** @description The ETag you last read; a stale one answers 412 and changes nothing. */
        IfMatch: string;
    };
    requestBodies: never;
    headers: {
        /** @description The resource's version */
        ETag: string;
        /** @description RFC 8288 link to the next page, rel="next" */
        Link: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listNotifications: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description Opaque; taken from a `Link` rel="next". */
                cursor?: components["parameters"]["Cursor"];
                "types[]"?: components["schemas"]["NotificationType"][];
                "exclude_types[]"?: components["schemas"]["NotificationType"][];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of notifications. While more exist, `Link` has rel="next". */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
        };
    };
    countUnreadNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The count */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
        };
    };
    markNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    up_to_id?: string;
                };
            };
        };
        responses: {
            /** @description What is still unread */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
        };
    };
    getNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's preferences; a type never set has its default: `follow`, `mention` and `reply` are `immediate`, `like` and `repost` are `off`. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
        };
    };
    updateNotificationPreferences: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read; a stale one answers 412 and changes nothing. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: components["schemas"]["EmailPreferences"];
                };
            };
        };
        responses: {
            /** @description The preferences now */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            412: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
        };
    };
    getNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
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
                    "application/json": components["schemas"]["Notification"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
        };
    };
    dismissNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
        };
    };
    streamNotifications: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `id:` of the last event received; the stream resumes after it. */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless `text/event-stream` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every webhook the caller may manage, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhooks: components["schemas"]["Webhook"][];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewWebhook"];
            };
        };
        responses: {
            /** @description Registered; `secret` is not shown again */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Not modified since the ETag sent in If-None-Match */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read; a stale one answers 412 and changes nothing. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            412: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read; a stale one answers 412 and changes nothing. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookChanges"];
            };
        };
        responses: {
            /** @description The webhook now */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            412: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook with its new secret */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description Opaque; taken from a `Link` rel="next". */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries. While more exist, `Link` has rel="next". */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveries: components["schemas"]["WebhookDelivery"][];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
        };
    };
    redeliverWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued to be sent again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
        };
    };
    listMail: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description Opaque; taken from a `Link` rel="next". */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of mail. While more exist, `Link` has rel="next". */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mail: components["schemas"]["Mail"][];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
        };
    };
    getMail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The mail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailWithBody"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
        };
    };
    unsubscribe: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": {
                    "List-Unsubscribe"?: string;
                };
            };
        };
        responses: {
            /** @description Unsubscribed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The notification types no longer mailed */
                        types: components["schemas"]["NotificationType"][];
                    };
                };
            };
            400: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
        };
    };
}
