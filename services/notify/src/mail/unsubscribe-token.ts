import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SealKey } from '@starling/kit';
import { PREFERENCE_TYPES, type PreferenceType } from './events.js';

/** What an unsubscribe link turns off: one type, or every type (a digest's link). */
export type UnsubscribeScope = PreferenceType | 'all';

/**
 * An unsubscribe link's token: a signed statement "account A wants no more mail of
 * type T", so it works without a login and without a row kept per mail. Its key is
 * derived from the seal key, which every process sending mail already shares.
 * Format: base64url("<account>:<scope>") "." base64url(HMAC-SHA256).
 */
const keyOf = (sealKey: SealKey) => createHmac('sha256', sealKey).update('starling mail unsubscribe v1').digest();

const sign = (sealKey: SealKey, statement: string) =>
  createHmac('sha256', keyOf(sealKey)).update(statement).digest('base64url');

export function unsubscribeToken(sealKey: SealKey, accountId: string, scope: UnsubscribeScope): string {
  const statement = `${accountId}:${scope}`;
  return `${Buffer.from(statement).toString('base64url')}.${sign(sealKey, statement)}`;
}

/** What a token says, or undefined when it was not made by this Starling or was changed. */
export function readUnsubscribeToken(
  sealKey: SealKey,
  token: string,
): { accountId: string; scope: UnsubscribeScope } | undefined {
  const [encoded, signature, extra] = token.split('.');
  if (!encoded || !signature || extra !== undefined) return undefined;
  const statement = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = Buffer.from(sign(sealKey, statement));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const colon = statement.lastIndexOf(':');
  const accountId = statement.slice(0, colon);
  const scope = statement.slice(colon + 1);
  if (colon <= 0 || !(scope === 'all' || (PREFERENCE_TYPES as readonly string[]).includes(scope))) return undefined;
  return { accountId, scope: scope as UnsubscribeScope };
}
