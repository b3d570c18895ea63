// Generated from services/graph/openapi.yaml, services/identity/openapi.yaml, services/mastodon/openapi.yaml, services/media/openapi.yaml, services/notify/openapi.yaml, services/timeline/openapi.yaml, services/tweets/openapi.yaml by scripts/gen-openapi-types.js. Do not edit.

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
        MediaId: string;
        Id: string;
    };
    requestBodies: never;
    headers: {
        /** @description RFC 8288 link to the next page, rel="next" */
        Link: string;
        /** @description The resource's version */
        ETag: string;
        /** @description When anything the answer shows last changed (to the second) */
        LastModified: string;
        /** @description RFC 8288 links: rel="next" (older, `max_id`) and rel="prev" (newer, `min_id`) */
        MastodonLink: string;
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
