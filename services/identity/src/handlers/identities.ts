import { unlinkIdentity as unlink } from '../commands/external-identities.js';
import { identitiesOf, passwordHashOf } from '../read-models.js';
import type { Handler } from './deps.js';

export const listIdentities: Handler<'listIdentities'> =
  ({ ctx, externalLogin }) =>
  async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const [identities, hash] = await Promise.all([
      identitiesOf(ctx.db, caller.userId),
      passwordHashOf(ctx.db, caller.userId),
    ]);
    reply.header('cache-control', 'private, no-store');
    return {
      has_password: !!hash,
      identities: identities.map((i) => ({
        id: i.id,
        provider: i.provider,
        provider_name: externalLogin.nameOf(i.provider),
        ...(i.email ? { email: i.email } : {}),
        linked_at: i.linked_at.toISOString(),
      })),
    };
  };

export const unlinkIdentity: Handler<'unlinkIdentity'> =
  ({ ctx }) =>
  async (request, reply) => {
    const caller = await ctx.auth.require(request);
    await unlink(ctx.write, caller, request.params.id);
    return reply.code(204).send();
  };
