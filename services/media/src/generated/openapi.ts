// Generated from services/media/openapi.yaml by scripts/gen-openapi-types.js. Do not edit.

export interface paths {
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
         * Upload a picture (multipart/form-data)
         * @description The file's type is read from its bytes (JPEG, PNG, WebP, GIF); one whose name or declared type says otherwise is refused with 422. Limits: MEDIA_IMAGE_MAX_BYTES (16 MB) and MEDIA_IMAGE_MAX_PIXELS (40 megapixels).
         */
        post: operations["uploadMedia"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/media/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a presigned form to upload a picture straight to object storage
         * @description POST the file to `upload_url` as multipart/form-data with every field of `fields` first and the file last (as `file`), before `expires_at`; then call `/api/v2/media/{id}/complete`.
         */
        post: operations["startMediaUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/media/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["MediaId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Say that a presigned upload is done, so the extractor takes it */
        post: operations["completeMediaUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/media/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["MediaId"];
            };
            cookie?: never;
        };
        /** One of the caller's attachments */
        get: operations["getMedia"];
        /** Change an attachment's description (alt text) */
        put: operations["updateMedia"];
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
        MediaUpload: {
            /** @description The attachment's id */
            id: string;
            /** @description Where to POST the form */
            upload_url: string;
            /** @description Form fields to send before the file */
            fields: {
                [key: string]: string;
            };
            /** Format: date-time */
            expires_at: string;
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
        MediaId: string;
    };
    requestBodies: never;
    headers: {
        /** @description The resource's version */
        ETag: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    uploadMedia: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The picture
                     */
                    file: string;
                    /** @description Alt text */
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Stored; the extractor converts it next (`state` is `processing`) */
            202: {
                headers: {
                    /** @description The attachment */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaAttachment"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
        };
    };
    startMediaUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    content_type: "image/jpeg" | "image/png" | "image/webp" | "image/gif";
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Where and how to upload */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaUpload"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
        };
    };
    completeMediaUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["MediaId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upload is in; `state` is `processing` (or what it already was) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaAttachment"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
        };
    };
    getMedia: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["MediaId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attachment */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaAttachment"];
                };
            };
            /** @description Not modified since the ETag in `If-None-Match` */
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
    updateMedia: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["MediaId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description: string;
                };
            };
        };
        responses: {
            /** @description The attachment, described anew */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaAttachment"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            412: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
        };
    };
}
