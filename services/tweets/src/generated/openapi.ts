// Generated from services/tweets/openapi.yaml by scripts/gen-openapi-types.js. Do not edit.

export interface paths {
    "/api/v2/tweets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tweets, newest first
         * @description With a valid token each tweet says whether the caller likes (`liked`) and reposts (`reposted`) it.
         */
        get: operations["listTweets"];
        put?: never;
        /** Post a tweet as the caller */
        post: operations["postTweet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tweets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description With a valid token the tweet says whether the caller likes (`liked`) and reposts (`reposted`) it. */
        get: operations["getTweet"];
        put?: never;
        post?: never;
        /** Delete a tweet (its author, or an admin) */
        delete: operations["deleteTweet"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tweets/{id}/like": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Like a tweet as the caller (idempotent) */
        post: operations["likeTweet"];
        /** Stop liking a tweet (idempotent) */
        delete: operations["unlikeTweet"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tweets/{id}/liked_by": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Who likes a tweet, newest like first */
        get: operations["listTweetLikers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tweets/{id}/repost": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Repost a tweet as the caller (idempotent; your own tweets too) */
        post: operations["repostTweet"];
        /** Stop reposting a tweet (idempotent) */
        delete: operations["unrepostTweet"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tweets/{id}/reposted_by": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Who reposts a tweet, newest repost first */
        get: operations["listTweetReposters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tweets/{id}/context": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /**
         * The thread around a tweet, its ancestors and its descendants
         * @description With a valid token each tweet says whether the caller likes and reposts it.
         */
        get: operations["getTweetContext"];
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
        TweetLiker: {
            id: string;
            username: string;
        };
        TweetLikerList: {
            user_list: components["schemas"]["TweetLiker"][];
        };
        TweetReposter: {
            id: string;
            username: string;
        };
        TweetReposterList: {
            user_list: components["schemas"]["TweetReposter"][];
        };
        TweetContext: {
            /** @description Root first, ending with the parent. The walk stops at a deleted tweet, so the first ancestor may itself be a reply whose `in_reply_to_id` no longer exists. */
            ancestors: components["schemas"]["Tweet"][];
            /** @description Replies, replies to them and so on, depth-first in conversation order: each reply followed by its own replies, siblings oldest first. At most 500. */
            descendants: components["schemas"]["Tweet"][];
        };
        NewTweet: {
            /** @description 1 to 280 characters once surrounding whitespace is trimmed; may be empty (or left out) when the tweet has media */
            body?: string;
            /** @description The caller's own uploads (`/api/v2/media`) to attach, in this order; each may still be processing but not failed */
            media_ids?: string[];
            /** @description The tweet this replies to; it must exist and not be deleted */
            in_reply_to_id?: string;
            /** @description Accepted for compatibility with the book's clients; must be the caller's own username. */
            username?: string;
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
        /** @description The resource's version */
        ETag: string;
        /** @description RFC 8288 link to the next page, rel="next" */
        Link: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listTweets: {
        parameters: {
            query?: {
                /** @description Only tweets by this username (case-insensitive) */
                tweetedby?: string;
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
                    "application/json": {
                        tweets_list: components["schemas"]["Tweet"][];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
        };
    };
    postTweet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewTweet"];
            };
        };
        responses: {
            /** @description Posted */
            201: {
                headers: {
                    /** @description URL of the new tweet */
                    Location?: string;
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tweet"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
        };
    };
    getTweet: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string;
                /** @description The Last-Modified you last read; 304 while nothing shown has changed (If-None-Match, when sent, decides instead). */
                "If-Modified-Since"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tweet */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    /** @description When anything the tweet shows last changed (to the second) */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tweet"];
                };
            };
            /** @description Not modified */
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
    deleteTweet: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read; a stale one answers 412 and changes nothing. */
                "If-Match"?: string;
                /** @description The Last-Modified you last read; 412 if the tweet changed since, and nothing changes (If-Match, when sent, decides instead). */
                "If-Unmodified-Since"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
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
    likeTweet: {
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
            /** @description The tweet as it now is */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tweet"];
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
    unlikeTweet: {
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
            /** @description The tweet as it now is */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tweet"];
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
    listTweetLikers: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description Opaque; taken from a `Link` rel="next". */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of likers. While more exist, `Link` has rel="next". */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TweetLikerList"];
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
        };
    };
    repostTweet: {
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
            /** @description The tweet as it now is */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tweet"];
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
    unrepostTweet: {
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
            /** @description The tweet as it now is */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tweet"];
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
    listTweetReposters: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description Opaque; taken from a `Link` rel="next". */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reposters. While more exist, `Link` has rel="next". */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TweetReposterList"];
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
        };
    };
    getTweetContext: {
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
            /** @description The tweet's conversation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TweetContext"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
        };
    };
}
