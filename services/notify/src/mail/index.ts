import type { Consumer, Loop, ServiceContext } from '@starling/kit';
import type { RouteHandlerMethod } from 'fastify';

// TODO(skeleton): replaced by the real handlers; answers 501 until then.
const unbuilt: RouteHandlerMethod = async (_request, reply) =>
  reply
    .code(501)
    .type('application/problem+json')
    .send({ type: 'about:blank', title: 'Not Implemented', status: 501, detail: 'not built yet' });

/** The mail part of the notify service: what it consumes, serves and runs. */
export const mail = {
  consumers: (_ctx: ServiceContext): Consumer[] => [],
  handlers: (_ctx: ServiceContext): Record<string, RouteHandlerMethod> =>
    Object.fromEntries(
      ['getNotificationPreferences', 'updateNotificationPreferences', 'listMail', 'getMail', 'unsubscribe'].map(
        (id) => [id, unbuilt],
      ),
    ),
  loops: (_ctx: ServiceContext): Loop[] => [],
};
