import type { Caller } from '@starling/kit';
import type { components } from './generated/openapi.js';
import type { UserRow } from './read-models.js';

export type User = components['schemas']['User'];

/** The public view of an account. Email is personal: only its owner and admins see it. */
export function presentUser(row: UserRow, viewer: Pick<Caller, 'userId' | 'role'> | undefined): User {
  const seesPrivate = viewer !== undefined && (viewer.userId === row.id || viewer.role === 'admin');
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    ...(seesPrivate ? { email: row.email } : {}),
    created_at: new Date(row.created_at).toISOString(),
  };
}
