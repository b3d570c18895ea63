import { randomBytes } from 'node:crypto';
import { appendToStream, csrfDigest, refuse, readStream, type Caller, type Config, type Db } from '@starling/kit';
import { newEvent, SessionEnded, SessionStarted } from '@starling/events';
import { sql } from 'kysely';
import type { KeyRing } from '../keys.js';
import type { LoginThrottle } from '../login-throttle.js';
import { decoyHash, verifyPassword } from '../domain/password.js';
import { findUserByUsername, passwordHashOf } from '../read-models.js';
import type { SessionsTable } from '../tables.js';

type Write = <T>(fn: (trx: Db) => Promise<T>) => Promise<T>;

export const sessionStream = (sessionId: string) => `session-${sessionId}`;

export interface LoginResult {
  accessToken: string;
  csrfToken: string;
  expiresIn: number;
}

const INVALID = 'Invalid username or password';

/**
 * Checks a password and opens a session. Unknown users and wrong passwords fail the
 * same way and take as long. Failures are throttled (login-throttle.ts): per client
 * address, and by a growing delay per account that never shuts its owner out.
 */
export async function login(
  deps: { db: Db; write: Write; keys: KeyRing; config: Config; logins: LoginThrottle },
  input: { username: string; password: string },
  clientAddress: string,
): Promise<LoginResult> {
  await deps.logins.beforeAttempt(input.username, clientAddress);
  const account = await findUserByUsername(deps.db, input.username);
  const hash = account ? await passwordHashOf(deps.db, account.id) : undefined;
  const valid = await verifyPassword(input.password, hash ?? (await decoyHash()));
  if (!account || !hash || !valid) {
    await deps.logins.failed(input.username, clientAddress);
    throw refuse.unauthenticated(INVALID);
  }
  return startSession(deps, account);
}

/** Opens a session for an account whose owner proved who they are: a password, or an external sign-in. */
export async function startSession(
  deps: { write: Write; keys: KeyRing; config: Config },
  account: { id: string; username: string; role: 'user' | 'admin' },
): Promise<LoginResult> {
  const sessionId = randomBytes(18).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const ttl = deps.config.ACCESS_TOKEN_TTL;
  const expiresAt = new Date(Date.now() + ttl * 1000).toISOString();
  await deps.write((trx) =>
    appendToStream(trx, sessionStream(sessionId), 0, [
      {
        ...newEvent(SessionStarted, { session_id: sessionId, user_id: account.id, expires_at: expiresAt }),
        metadata: { actor_id: account.id },
      },
    ]),
  );
  const accessToken = await deps.keys.sign(
    { sub: account.id, username: account.username, role: account.role, sid: sessionId, csrf: csrfDigest(csrfToken) },
    deps.config.TOKEN_ISSUER,
    ttl,
  );
  return { accessToken, csrfToken, expiresIn: ttl };
}

/** Ends the caller's session: every token it issued stops working at once. */
export async function logout(deps: { write: Write; db: Db }, caller: Caller): Promise<void> {
  await deps.write((trx) => endSession(trx, caller.sessionId, caller.userId, caller.userId));
}

/**
 * Ends every open session of an account but `keep` (the one changing the password): a
 * password that may have leaked no longer leaves its thief signed in elsewhere.
 */
export async function endOtherSessions(trx: Db, userId: string, keep: string | undefined, actorId: string) {
  // Raw: `is distinct from` keeps every session when there is none to keep.
  const { rows } = await sql<Pick<SessionsTable, 'session_id'>>`
    select session_id from sessions
    where user_id = ${userId} and ended_at is null and expires_at > now()
      and session_id is distinct from ${keep ?? null}`.execute(trx);
  for (const { session_id } of rows) await endSession(trx, session_id, userId, actorId);
}

/** Appends SessionEnded to a session's stream, once: ending an ended session changes nothing. */
async function endSession(trx: Db, sessionId: string, userId: string, actorId: string): Promise<void> {
  const stream = sessionStream(sessionId);
  const events = await readStream(trx, stream);
  const started = events.find((e) => e.type === SessionStarted.type);
  if (!started || events.some((e) => e.type === SessionEnded.type)) return;
  const data = started.data as { expires_at: string };
  await appendToStream(trx, stream, events.length, [
    {
      ...newEvent(SessionEnded, { session_id: sessionId, user_id: userId, expires_at: data.expires_at }),
      metadata: { actor_id: actorId },
    },
  ]);
}
