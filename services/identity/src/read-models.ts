import type { Db } from '@starling/kit';
import { sql } from 'kysely';
import { usernameKey, type UserState } from './domain/user.js';

/** A row of the `users` read model. */
export interface UserRow {
  id: string;
  username: string;
  name: string;
  email: string;
  role: 'user' | 'admin';
  created_at: Date;
  version: number;
}

/** The same view, from the write side: what a command answers with. */
export const userRowOf = (state: UserState, version: number): UserRow => ({
  id: state.id,
  username: state.username,
  name: state.name,
  email: state.email,
  role: state.role,
  created_at: state.createdAt,
  version,
});

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  const { rows } = await sql<UserRow>`select * from users where id = ${id}`.execute(db);
  return rows[0];
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const { rows } = await sql<UserRow>`select * from users where username_key = ${usernameKey(username)}`.execute(db);
  return rows[0];
}

/** Oldest first, keyset-paged on the time-sortable id. */
export async function listUsers(db: Db, after: string | undefined, limit: number): Promise<UserRow[]> {
  const { rows } = await sql<UserRow>`
    select * from users where ${after === undefined ? sql`true` : sql`id > ${after}`}
    order by id limit ${limit}`.execute(db);
  return rows;
}

export async function passwordHashOf(db: Db, userId: string): Promise<string | undefined> {
  const { rows } = await sql<{ password_hash: string }>`
    select password_hash from credentials where user_id = ${userId}`.execute(db);
  return rows[0]?.password_hash;
}
