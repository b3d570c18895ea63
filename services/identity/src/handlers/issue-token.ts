import type { Handler } from './deps.js';

/** `POST /oauth/token`: the protocol is the library's (infra/oauth-server.ts); errors are RFC 6749's. */
export const issueToken: Handler<'issueToken'> =
  ({ oauth }) =>
  async (request, reply) => {
    const answer = await oauth.token({
      id: request.id,
      ip: request.ip,
      headers: request.headers,
      body: { ...request.body },
    });
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    if (answer.ok) return answer.body as never;
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  };
