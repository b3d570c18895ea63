// Generated from services/identity/openapi.yaml by scripts/gen-openapi-types.js. Do not edit.

export interface paths {
    "/api/v1/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API releases this server offers */
        get: operations["getInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Users, oldest first, or the users asked for by id and username
         * @description Without `id` and `username`, a page of every user, oldest first. With either, just those users in one answer, each once, in the order asked (the ids, then the usernames): how a client shows the people of a page of tweets without a request per person. Those that do not exist are left out; `limit` and `cursor` do not apply, and a `cursor` with them is refused.
         */
        get: operations["listUsers"];
        put?: never;
        /** Sign up */
        post: operations["createUser"];
        /** Delete an account named in the body (the book's form) */
        delete: operations["deleteUserByUsername"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who to follow
         * @description Accounts the caller neither follows nor is, ranked by how many of the people the caller follows follow them, then by followers_count, then newest first. One page of at most `limit`; not paged.
         */
        get: operations["listSuggestedUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find a user by username (case-insensitive) */
        get: operations["lookupUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /** @description The ETag names the account's version and everything else the answer shows (counts, relationship), so `If-None-Match` answers 304 only while all of it is unchanged; `If-Match` on PUT and DELETE accepts it as long as the account itself is unchanged. */
        get: operations["getUser"];
        /** Change name, email, bio or password (the password needs current_password) */
        put: operations["updateUser"];
        post?: never;
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a username and password for an access token and a session cookie */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session; its tokens stop working */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password_reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a password-reset link to the account with this address
         * @description If an account has this email address, a link to `{PUBLIC_URL}/reset-password?token=…` is mailed to it; the token is single-use and works for PASSWORD_RESET_TTL seconds (default 3600). The answer is 202 either way, so the form tells no one which addresses have accounts. Each client address may ask PASSWORD_RESET_RATE_LIMIT times per window (default 10/3600; then 429), and each account is mailed at most ACCOUNT_MAIL_RATE_LIMIT reset links per window (default 3/3600; further requests are answered 202 and mail nothing).
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password_reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with a mailed reset token
         * @description The password follows the sign-up rules. On success the token is used up, every other outstanding reset token of the account stops working, and every session of the account ends, as a password change ends them. A token that is unknown, expired or used already is a 400 naming `token`.
         */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/email_confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail the caller a fresh link that confirms their email address
         * @description Sign-up, and a change of address, mail such a link already (to `{PUBLIC_URL}/verify-email?token=…`, working for EMAIL_CONFIRMATION_TTL seconds, default 604800); this sends another. An address confirmed already is a 409. An account is mailed at most ACCOUNT_MAIL_RATE_LIMIT confirmation links per window (default 3/3600), then 429 with Retry-After.
         */
        post: operations["requestEmailConfirmation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/email_confirmation/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an email address with a mailed token
         * @description Needs no sign-in: the link is opened from a mail client, and the token is the proof. The account's `email_verified` becomes true. A token that is unknown, expired or used already, or that was mailed to an address the account has changed since, is a 400 naming `token` and confirms nothing.
         */
        post: operations["confirmEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The external providers one may sign in with (OIDC_PROVIDERS), for "Continue with …" buttons */
        get: operations["listLoginProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start signing in with an external provider (a browser navigation)
         * @description Answers 302 to the provider's authorization endpoint: the authorization code flow with PKCE (S256), `state` and `nonce`. The flow is remembered server-side for 10 minutes and bound to this browser by the HttpOnly `starling_oidc` cookie; it can be finished once. With `link=true` a signed-in caller (session cookie) links the identity to their account instead of signing in. An unknown provider, or one that cannot be reached, sends the browser to `/login?error=<code>`.
         */
        get: operations["startExternalLogin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/{provider}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the provider sends the browser back (the redirect URI to register with it)
         * @description Register `{PUBLIC_URL}/api/v1/auth/oidc/{provider}/callback` with the provider. The state must be this browser's own (cookie) and its flow live and unused; the code is exchanged with the flow's PKCE verifier, and the ID token's issuer, audience, expiry, nonce and signature (the issuer's JWKS) are checked. Then the identity's account is signed in (the same cookies as a password login) and the browser is sent to `/` with 303. A first sign-in makes an account with a free username, the provider's email (confirmed only if the provider says it verified it) and no password. A link flow returns to `/settings`. Any refusal sends the browser to `/login?error=<code>` (`/settings?error=<code>` when linking) and signs no one in. Codes: `unknown_provider`, `provider_unavailable`, `denied`, `invalid_state`, `invalid_response`, `email_missing`, `email_in_use`, `identity_in_use`, `account_gone`.
         */
        get: operations["finishExternalLogin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/identities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The external identities linked to the caller's account */
        get: operations["listIdentities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/identities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Unlink one of the caller's external identities
         * @description Refused with 409 when it is the account's last way to sign in (no password and no other identity): set a password through a reset link, or link another provider, first.
         */
        delete: operations["unlinkIdentity"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/jwks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public keys that verify access tokens (JWKS) */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a third-party app (OAuth 2 client), as Mastodon's POST /api/v1/apps
         * @description Anyone may register an app; what it may do is up to each user who authorizes it. The answer holds the only copy of `client_secret`.
         */
        post: operations["createApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/verify_credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app a token was issued to */
        get: operations["verifyAppCredentials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oauth/authorize/details": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who asks for what, for the consent page
         * @description Checks an authorization request (the query of /oauth/authorize) before a user sees it: an unknown app, an unregistered redirect URI or a scope the app may not have is a 400, which the consent page shows instead of redirecting anywhere.
         */
        get: operations["getAuthorizationRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The signed-in user authorizes an app, or denies it
         * @description Answers where the browser goes next: the app's redirect URI with `code` and `state` (or `error=access_denied`); for the out-of-band URI, the code itself.
         */
        post: operations["decideAuthorization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tokens for a grant (RFC 6749)
         * @description `authorization_code` (with PKCE S256 when the request had a challenge), `refresh_token` (the refresh token is rotated), `client_credentials`, and `password` only where OAUTH_PASSWORD_GRANT=true. The client authenticates with `client_id`/`client_secret` in the body or HTTP Basic. Errors are RFC 6749's.
         */
        post: operations["issueToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a token (RFC 7009) and the authorization it belongs to */
        post: operations["revokeOAuthToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/oauth-authorization-server": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Authorization server metadata (RFC 8414) */
        get: operations["getOAuthMetadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oauth/authorizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The apps the caller has authorized and not revoked */
        get: operations["listAppAuthorizations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oauth/authorizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an app's authorization; its tokens stop working at once */
        delete: operations["revokeAppAuthorization"];
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
        ApiInfo: {
            api_version: {
                version: string;
                buildtime: string;
                links: string;
                methods: string;
            }[];
        };
        User: {
            id: string;
            username: string;
            name: string;
            /** @description Shown only to the user themself and to admins. */
            email?: string;
            /** @description Whether the owner confirmed `email` by following the link mailed to it. Shown with `email` only. A new address is unconfirmed until its own link is followed. */
            email_verified?: boolean;
            /** @description Absent when the user has none. */
            bio?: string;
            /** Format: date-time */
            created_at: string;
            /** @description Accounts following this user */
            followers_count: number;
            /** @description Accounts this user follows */
            following_count: number;
            /** @description Live tweets */
            tweets_count: number;
            /** @description The caller follows this user. Only for an authenticated caller looking at someone else. */
            following?: boolean;
            /** @description This user follows the caller. Only for an authenticated caller looking at someone else. */
            followed_by?: boolean;
        };
        NewUser: {
            username: string;
            /** Format: email */
            email: string;
            password: string;
            name?: string;
            bio?: string;
        };
        UserUpdate: {
            name?: string;
            /** Format: email */
            email?: string;
            /** @description An empty string removes the bio */
            bio?: string;
            password?: string;
            current_password?: string;
        };
        LoginProvider: {
            /** @description In the sign-in path: /api/v1/auth/oidc/{id} */
            id: string;
            /** @description Shown as "Continue with {name}" */
            name: string;
        };
        SignInMethods: {
            /** @description The account has a password (one made by an external sign-in has none until it sets one) */
            has_password: boolean;
            identities: {
                id: string;
                /** @description The provider's id */
                provider: string;
                provider_name: string;
                /** @description The address the provider gave when it was linked */
                email?: string;
                /** Format: date-time */
                linked_at: string;
            }[];
        };
        AccessToken: {
            access_token: string;
            /** @enum {string} */
            token_type: "Bearer";
            expires_in: number;
        };
        NewApp: {
            client_name: string;
            /** @description An array, or one string with a URI a line; `urn:ietf:wg:oauth:2.0:oob` for apps that show the code */
            redirect_uris: string | string[];
            /** @description Space-separated; `read` when absent */
            scopes?: string;
            website?: string | null;
        };
        AppSummary: {
            id?: string;
            name: string;
            website: string | null;
            scopes: string[];
            redirect_uri?: string;
            redirect_uris?: string[];
            vapid_key: string;
        };
        Application: components["schemas"]["AppSummary"] & {
            client_id: string;
            client_secret: string;
            /** @enum {integer} */
            client_secret_expires_at: 0;
        };
        AuthorizationRequest: {
            app: {
                name: string;
                website: string | null;
            };
            scopes: {
                scope: string;
                description: string;
            }[];
            redirect_uri: string;
            /** @description The user copies the code into the app */
            out_of_band: boolean;
        };
        AuthorizationDecision: {
            client_id: string;
            redirect_uri: string;
            response_type?: string;
            scope?: string;
            state?: string;
            code_challenge?: string;
            code_challenge_method?: string;
            approve: boolean;
        };
        AuthorizationOutcome: {
            /** @description Where the browser goes next */
            redirect_to?: string;
            /** @description The code to copy */
            code?: string;
            /** @description For the out-of-band redirect URI: why there is no code */
            error?: string;
        };
        TokenRequest: {
            grant_type?: string;
            code?: string;
            redirect_uri?: string;
            code_verifier?: string;
            refresh_token?: string;
            client_id?: string;
            client_secret?: string;
            scope?: string;
            username?: string;
            password?: string;
        };
        OAuthToken: {
            access_token: string;
            /** @enum {string} */
            token_type: "Bearer";
            scope: string;
            created_at: number;
            expires_in: number;
            refresh_token?: string;
        };
        RevocationRequest: {
            token?: string;
            token_type_hint?: string;
            client_id?: string;
            client_secret?: string;
        };
        OAuthErrorBody: {
            error: string;
            error_description?: string;
        };
        OAuthMetadata: {
            issuer: string;
            authorization_endpoint: string;
            token_endpoint: string;
            revocation_endpoint: string;
            app_registration_endpoint?: string;
            scopes_supported: string[];
            response_types_supported: string[];
            response_modes_supported?: string[];
            grant_types_supported: string[];
            token_endpoint_auth_methods_supported?: string[];
            code_challenge_methods_supported: string[];
            service_documentation?: string;
        };
        AppAuthorization: {
            id: string;
            app: {
                name: string;
                website: string | null;
            };
            scopes: string[];
            /** Format: date-time */
            created_at: string;
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
        /** @description An OAuth 2 error (RFC 6749 §5.2), or a problem document for a malformed request */
        OAuthError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthErrorBody"];
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        UserId: string;
        Limit: number;
        /** @description Opaque; taken from a `Link` rel="next". */
        Cursor: string;
        /** @description A provider's `id` from OIDC_PROVIDERS */
        Provider: string;
        /** @description The ETag you last read; a stale one answers 412 and changes nothing. */
        IfMatch: string;
        IfNoneMatch: string;
        /** @description The Last-Modified you last read; 304 while nothing shown has changed (If-None-Match, when sent, decides instead). */
        IfModifiedSince: string;
        /** @description The Last-Modified you last read; 412 if the account changed since, and nothing changes (If-Match, when sent, decides instead). */
        IfUnmodifiedSince: string;
    };
    requestBodies: never;
    headers: {
        /** @description The resource's version */
        ETag: string;
        /** @description When anything the answer shows last changed (to the second) */
        LastModified: string;
        /** @description RFC 8288 link to the next page, rel="next" */
        Link: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getInfo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description API releases */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiInfo"];
                };
            };
            400: components["responses"]["Problem"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description Opaque; taken from a `Link` rel="next". */
                cursor?: components["parameters"]["Cursor"];
                /** @description A user's id; repeat it for several (at most 100). */
                id?: string[];
                /** @description A username, matched case-insensitively; repeat it for several (at most 100). */
                username?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of users; while more exist, `Link` has rel="next". With `id` or `username`, the users asked for that exist, and no `Link`. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user_list: components["schemas"]["User"][];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewUser"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description URL of the new user */
                    Location?: string;
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
        };
    };
    deleteUserByUsername: {
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
                    username: string;
                };
            };
        };
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
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
        };
    };
    listSuggestedUsers: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Suggested accounts, best first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user_list: components["schemas"]["User"][];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
        };
    };
    lookupUser: {
        parameters: {
            query: {
                username: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Last-Modified": components["headers"]["LastModified"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /** @description The Last-Modified you last read; 304 while nothing shown has changed (If-None-Match, when sent, decides instead). */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
            };
            path: {
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Last-Modified": components["headers"]["LastModified"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
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
    updateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read; a stale one answers 412 and changes nothing. */
                "If-Match"?: components["parameters"]["IfMatch"];
                /** @description The Last-Modified you last read; 412 if the account changed since, and nothing changes (If-Match, when sent, decides instead). */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            /** @description The updated user */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            412: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read; a stale one answers 412 and changes nothing. */
                "If-Match"?: components["parameters"]["IfMatch"];
                /** @description The Last-Modified you last read; 412 if the account changed since, and nothing changes (If-Match, when sent, decides instead). */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                id: components["parameters"]["UserId"];
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
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Logged in. Sets the HttpOnly `starling_session` cookie and the `starling_csrf` cookie, whose value cookie-authenticated writes must echo in `X-CSRF-Token`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessToken"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Logged out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Last-Modified": components["headers"]["LastModified"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Accepted; a link is mailed if an account has this address */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description The password is changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
        };
    };
    requestEmailConfirmation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted; a link is mailed to the caller's address */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
        };
    };
    confirmEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description The address is confirmed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
        };
    };
    listLoginProviders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The configured providers, in configured order; empty when there are none */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginProvider"][];
                };
            };
            400: components["responses"]["Problem"];
        };
    };
    startExternalLogin: {
        parameters: {
            query?: {
                /** @description Link the identity to the signed-in caller's account rather than sign in. */
                link?: boolean;
            };
            header?: never;
            path: {
                /** @description A provider's `id` from OIDC_PROVIDERS */
                provider: components["parameters"]["Provider"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the provider (or, on a refusal, to `/login?error=<code>`) */
            302: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
        };
    };
    finishExternalLogin: {
        parameters: {
            query?: {
                code?: string;
                state?: string;
                iss?: string;
                error?: string;
                error_description?: string;
            };
            header?: never;
            path: {
                /** @description A provider's `id` from OIDC_PROVIDERS */
                provider: components["parameters"]["Provider"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To `/` (signed in), `/settings` (linked), or the page that shows the refusal */
            303: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
        };
    };
    listIdentities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Oldest first, with whether the account has a password */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInMethods"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
        };
    };
    unlinkIdentity: {
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
            /** @description Unlinked; it no longer signs in to the account */
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
            409: components["responses"]["Problem"];
            414: components["responses"]["Problem"];
        };
    };
    getJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON Web Key Set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
        };
    };
    createApp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewApp"];
                "application/x-www-form-urlencoded": components["schemas"]["NewApp"];
            };
        };
        responses: {
            /** @description The registered app, with its credentials */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
        };
    };
    verifyAppCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The app */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppSummary"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
        };
    };
    getAuthorizationRequest: {
        parameters: {
            query: {
                client_id: string;
                redirect_uri: string;
                response_type?: string;
                scope?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The app and the scopes it asks for */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationRequest"];
                };
            };
            400: components["responses"]["Problem"];
        };
    };
    decideAuthorization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthorizationDecision"];
            };
        };
        responses: {
            /** @description Where to go next, or the code to show */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationOutcome"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
        };
    };
    issueToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description An access token (and a refresh token, except for client_credentials) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthToken"];
                };
            };
            400: components["responses"]["OAuthError"];
            401: components["responses"]["OAuthError"];
            403: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
        };
    };
    revokeOAuthToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevocationRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["RevocationRequest"];
            };
        };
        responses: {
            /** @description Revoked, or the token was not a valid one of this app (RFC 7009 §2.2) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["OAuthError"];
            401: components["responses"]["OAuthError"];
            403: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
        };
    };
    getOAuthMetadata: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints, grants, scopes and PKCE methods this server supports */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthMetadata"];
                };
            };
            400: components["responses"]["Problem"];
        };
    };
    listAppAuthorizations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's authorized apps, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        authorizations: components["schemas"]["AppAuthorization"][];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
        };
    };
    revokeAppAuthorization: {
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
            /** @description Revoked */
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
}
