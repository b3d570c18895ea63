/** What a key may hold: letters, digits and `/ . _ -`. */
const KEY = /^[A-Za-z0-9/._-]{1,1024}$/;

/** Refused as a key: see `assertKey`. */
export class InvalidObjectKey extends Error {
  override name = 'InvalidObjectKey';
  constructor(readonly key: string) {
    super(`Invalid object key ${JSON.stringify(key.slice(0, 200))}: use [A-Za-z0-9/._-], no "..", no leading "/"`);
  }
}

/**
 * Whether `key` may name an object in every store: 1 to 1024 characters of
 * `[A-Za-z0-9/._-]`, no leading or trailing `/`, no empty segment, and no segment that
 * is `.` or `..` (so a folder store never leaves its folder and S3 never normalises a
 * key into another).
 */
export function isValidKey(key: string): boolean {
  if (!KEY.test(key) || key.startsWith('/') || key.endsWith('/') || key.includes('..')) return false;
  return key.split('/').every((segment) => segment !== '' && segment !== '.');
}

/** Throws InvalidObjectKey unless `isValidKey(key)`. */
export function assertKey(key: string): string {
  if (!isValidKey(key)) throw new InvalidObjectKey(key);
  return key;
}

/** A prefix for `list`: empty, or what a valid key may start with. */
export function assertPrefix(prefix: string): string {
  if (prefix !== '' && !isValidKey(prefix.endsWith('/') ? `${prefix}x` : prefix)) throw new InvalidObjectKey(prefix);
  return prefix;
}
