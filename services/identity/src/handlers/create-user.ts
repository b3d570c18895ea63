import { etagOf } from '@starling/kit';
import { registerUser } from '../commands/register-user.js';
import { presentUser } from '../present.js';
import { findUser } from '../read-models.js';
import type { Handler } from './deps.js';

export const createUser: Handler<'createUser'> =
  ({ ctx }) =>
  async (request, reply) => {
    const id = await registerUser(ctx.write, request.body);
    const row = await findUser(ctx.db, id);
    if (!row) throw new Error(`user ${id} was registered but is not in the read model`);
    reply.code(201).header('location', `/api/v1/users/${id}`).header('etag', etagOf(row.version));
    // The new account's owner is the one asking: show them their email.
    return presentUser(row, { userId: id, username: row.username, role: 'user', sessionId: '', via: 'bearer' });
  };
