// Generated from packages/contracts/openapi/common.yaml, packages/contracts/openapi/media.yaml, packages/contracts/openapi/tweet.yaml by scripts/gen-openapi-types.js. Do not edit.

export type paths = Record<string, never>;
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
        UserId: string;
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
export type operations = Record<string, never>;
