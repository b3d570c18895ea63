// Generated from services/graph/openapi.yaml by scripts/gen-openapi-types.js. Do not edit.

export interface paths {
    "/api/v1/users/{id}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Follow a user as the caller (idempotent) */
        post: operations["followUser"];
        /** Stop following a user as the caller (idempotent) */
        delete: operations["unfollowUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/followers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /** Who follows the user, newest follow first */
        get: operations["listFollowers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/following": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /** Whom the user follows, newest follow first */
        get: operations["listFollowing"];
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
        Relationship: {
            /** @description The caller follows the user */
            following: boolean;
            /** @description The user follows the caller */
            followed_by: boolean;
        };
        FollowedUser: {
            id: string;
            username: string;
            /**
             * Format: date-time
             * @description When the follow began
             */
            followed_at: string;
        };
        FollowList: {
            user_list: components["schemas"]["FollowedUser"][];
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
        /** @description RFC 8288 link to the next page, rel="next" */
        Link: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    followUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller follows the user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Relationship"];
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
    unfollowUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller does not follow the user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Relationship"];
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
    listFollowers: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description Opaque; taken from a `Link` rel="next". */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of followers. While more exist, `Link` has rel="next". */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowList"];
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
        };
    };
    listFollowing: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description Opaque; taken from a `Link` rel="next". */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of followed users. While more exist, `Link` has rel="next". */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowList"];
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
        };
    };
}
