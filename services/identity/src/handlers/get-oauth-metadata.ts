import { OAUTH_SCOPES } from '@starling/kit';
import type { Handler } from './deps.js';

/** RFC 8414 metadata: where the endpoints are, on the origin the client reached. */
export const getOAuthMetadata: Handler<'getOAuthMetadata'> =
  ({ settings }) =>
  async (request, reply) => {
    const origin = `${request.protocol}://${request.host}`;
    reply.header('cache-control', 'public, max-age=3600');
    return {
      issuer: origin,
      authorization_endpoint: `${origin}/oauth/authorize`,
      token_endpoint: `${origin}/oauth/token`,
      revocation_endpoint: `${origin}/oauth/revoke`,
      app_registration_endpoint: `${origin}/api/v1/apps`,
      scopes_supported: [...OAUTH_SCOPES],
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: [
        'authorization_code',
        'refresh_token',
        'client_credentials',
        ...(settings.OAUTH_PASSWORD_GRANT ? ['password'] : []),
      ],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      code_challenge_methods_supported: ['S256'],
      service_documentation: `${origin}/docs`,
    };
  };
