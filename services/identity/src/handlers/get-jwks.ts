import type { Handler } from './deps.js';

export const getJwks: Handler<'getJwks'> =
  ({ keys }) =>
  async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return keys.publicKeys();
  };
