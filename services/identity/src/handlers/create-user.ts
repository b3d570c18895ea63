import { registerUser } from '../commands/register-user.js';
import { userEtag } from '../presenters/user-etag.js';
import { presentUser } from '../presenters/user.js';
import { viewOf } from '../read-models.js';
import type { Handler } from './deps.js';

export const createUser: Handler<'createUser'> =
  ({ ctx, signUps, mail }) =>
  async (request, reply) => {
    await signUps.attempt(request.ip);
    const row = await registerUser(ctx.write, mail, request.body);
    // A new account follows no one and has posted nothing, but its id may already be
    // in the graph's log (nothing stops that), so ask rather than assume zeros.
    const view = await viewOf(ctx.db, row, row.id);
    reply.code(201).header('location', `/api/v1/users/${row.id}`).header('etag', userEtag(view));
    // The new account's owner is the one asking: show them their email.
    return presentUser(view, { userId: row.id, role: 'user' });
  };
