import { etagOf } from '@starling/kit';
import { registerUser } from '../commands/register-user.js';
import { presentUser } from '../present.js';
import type { Handler } from './deps.js';

export const createUser: Handler<'createUser'> =
  ({ ctx }) =>
  async (request, reply) => {
    const row = await registerUser(ctx.write, request.body);
    reply.code(201).header('location', `/api/v1/users/${row.id}`).header('etag', etagOf(row.version));
    // The new account's owner is the one asking: show them their email.
    return presentUser(row, { userId: row.id, role: 'user' });
  };
