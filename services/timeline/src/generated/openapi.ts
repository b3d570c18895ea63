// Generated from services/timeline/openapi.yaml by scripts/gen-openapi-types.js. Do not edit.

export interface paths {
    "/api/v2/timelines/home": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's home timeline, newest first
         * @description The caller's own tweets and reposts and those of everyone they follow. A repost is the reposted tweet with `reposted_by`; a tweet reposted by two people appears once per repost. The timeline reaches back `HOME_TIMELINE_LENGTH` entries.
         */
        get: operations["getHomeTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/timelines/public": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every tweet, replies included, newest first
         * @description With a valid token each tweet says whether the caller likes (`liked`) and reposts (`reposted`) it.
         */
        get: operations["getPublicTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/timelines/tag/{tag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tweets carrying a hashtag, newest first
         * @description The tag is given without `#` and matched case-insensitively (`Café` finds `#café`).
         */
        get: operations["getTagTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/streaming/home": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live updates of the caller's home timeline (Server-Sent Events)
         * @description `event: tweet` with the Tweet JSON (with `reposted_by` for a repost) when an entry arrives in the caller's home timeline, in order of arrival; `event: delete` with `{"id": "<tweet id>"}` when a tweet in it is deleted; `event: update` with the Tweet JSON when a tweet already in it changes how it looks (its pictures finish processing or get a new description). Every event has an `id:`; a client reconnecting with `Last-Event-ID` gets every event after that one that is still buffered (see docs/timelines.md). A `: heartbeat` comment is sent every `STREAM_HEARTBEAT_SECONDS`.
         */
        get: operations["streamHome"];
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
         * Tweets or users matching a query, best match first
         * @description Every word of `q` must match, as a whole word or as the start of one (`star` finds "Starling"), ignoring case and accents (`cafe` finds "Café"). Tweets match on their body, hashtags and mentions; users on username and name, and less strongly on bio. Best match first, then newest. With a valid token each tweet says whether the caller likes (`liked`) and reposts (`reposted`) it.
         */
        get: operations["search"];
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
        Tweet: {
            id: string;
            body: string;
            /** @description The author's username */
            tweetedby: string;
            /** @description The author's display name */
            author_name: string;
            author_id: string;
            /** Format: date-time */
            timestamp: string;
            /** @description How many people like it */
            like_count: number;
            /** @description How many people repost it */
            repost_count: number;
            /** @description How many live direct replies it has */
            reply_count: number;
            /** @description Whether the caller likes it; present only when the request is authenticated */
            liked?: boolean;
            /** @description Whether the caller reposts it; present only when the request is authenticated */
            reposted?: boolean;
            /** @description The tweet it replies to; present only on a reply, and kept when that tweet is deleted */
            in_reply_to_id?: string;
            /** @description The author of the tweet it replies to; present only on a reply */
            in_reply_to_author_id?: string;
            /** @description The username of the author of the tweet it replies to; present only on a reply whose parent's author is known */
            in_reply_to_username?: string;
            entities: components["schemas"]["TweetEntities"];
            /** @description The pictures attached, in the order the author gave them; empty when none */
            media_attachments: components["schemas"]["MediaAttachment"][];
            reposted_by?: components["schemas"]["RepostedBy"];
        };
        /** @description The hashtags and mentions in the body. Offsets count Unicode code points (an emoji is one), `start` inclusive and `end` exclusive, and cover the `#` or `@`. */
        TweetEntities: {
            hashtags: {
                /** @description As written */
                tag: string;
                start: number;
                end: number;
            }[];
            mentions: {
                /** @description As written */
                username: string;
                start: number;
                end: number;
            }[];
        };
        /** @description Who reposted the tweet; present only on a timeline entry that is a repost */
        RepostedBy: {
            id: string;
            username: string;
            /** @description Their display name */
            name: string;
            /** @description The repost's own id, which orders it in the timeline (Mastodon's reblog id) */
            repost_id?: string;
        };
        TimelinePage: {
            tweets_list: components["schemas"]["Tweet"][];
        };
        /** @description A user in search results */
        SearchUser: {
            id: string;
            username: string;
            /** @description Their display name */
            name: string;
            /** @description Present only when they have one */
            bio?: string;
        };
        /** @description `tweets_list` for type=tweets, `user_list` for type=users */
        SearchResults: {
            tweets_list: components["schemas"]["Tweet"][];
        } | {
            user_list: components["schemas"]["SearchUser"][];
        };
        MediaAttachment: {
            id: string;
            /**
             * @description What the bytes are: `image` (JPEG, PNG, WebP, a still GIF), `gifv` (an animated GIF, served as animated WebP). `video` is reserved.
             * @enum {string}
             */
            type: "image" | "gifv" | "video";
            /**
             * @description `processing` until the extractor has checked and converted it; then `ready` (with `url`, `preview_url`, `meta` and `blurhash`) or `failed` (with `reason`).
             * @enum {string}
             */
            state: "processing" | "ready" | "failed";
            /** @description Why it failed; present only when `state` is `failed` */
            reason?: string;
            /** @description The converted file, without metadata; null until ready */
            url: string | null;
            /** @description The `small` preview (640 px on the long side at most); null until ready */
            preview_url: string | null;
            /** @description Alt text, up to 1,500 characters */
            description: string | null;
            /** @description A BlurHash of the picture, to paint while it loads; null until ready */
            blurhash: string | null;
            meta: null | components["schemas"]["MediaMeta"];
        };
        /** @description The sizes of the converted file (`original`, orientation applied) and of its preview (`small`) */
        MediaMeta: {
            original: components["schemas"]["MediaSize"];
            small: components["schemas"]["MediaSize"];
        };
        MediaSize: {
            width: number;
            height: number;
            /** @description width / height */
            aspect: number;
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
    };
    requestBodies: never;
    headers: {
        /** @description RFC 8288 link to the next page, rel="next" */
        Link: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHomeTimeline: {
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
            /** @description A page of entries. While more exist, `Link` has rel="next". */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelinePage"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
        };
    };
    getPublicTimeline: {
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
            /** @description A page of tweets. While more exist, `Link` has rel="next". */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelinePage"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
        };
    };
    getTagTimeline: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description Opaque; taken from a `Link` rel="next". */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                tag: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tweets. While more exist, `Link` has rel="next". */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelinePage"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
        };
    };
    streamHome: {
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
    search: {
        parameters: {
            query: {
                /** @description What to search for, 1 to 200 characters once trimmed */
                q: string;
                /** @description Search tweets (`tweets_list`, the default) or users (`user_list`) */
                type?: "tweets" | "users";
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
            /** @description A page of results. While more exist, `Link` has rel="next". */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResults"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
        };
    };
}
