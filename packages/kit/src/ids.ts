import { createHash, randomBytes } from 'node:crypto';
import { monotonicFactory } from 'ulid';

const next = monotonicFactory();

/**
 * Resource ids: ULIDs, opaque to clients, unique, and sorting by creation time (the
 * monotonic factory keeps ids made within one millisecond in order too).
 */
export const newId = (): string => next();

/*
 * Ids for resources made at another time than now (an import, `starling seed`): ULIDs,
 * as `newId()` makes them, but carrying the given time rather than the wall clock, so a
 * tweet from "two weeks ago" also sorts as one (lists page by time and id; a repost
 * sorts by its `repost_id`). Their random part comes from crypto, drawn in large
 * blocks: an import makes millions, where `ulid` would ask crypto once per character.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const POOL_SIZE = 10 * 4096;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

/** A ULID for the time `ms` (epoch milliseconds). */
export function idAt(ms: number): string {
  if (offset + 10 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const id = ulidOf(ms, pool, offset);
  offset += 10;
  return id;
}

/**
 * A ULID for the time `ms` whose random part is drawn from `key` (a hash of it): the same
 * key and time give the same id. What an import derives a resource's id from (the
 * source's own id), so that running it again finds the resource it made before.
 */
export const stableIdAt = (ms: number, key: string): string => ulidOf(ms, createHash('sha256').update(key).digest(), 0);

/** 48 bits of time, then 80 random bits (10 bytes of `bytes` from `from`), in Crockford's base 32. */
function ulidOf(ms: number, bytes: Uint8Array, from: number): string {
  let time = '';
  let t = Math.floor(ms);
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  // 80 random bits: 16 characters of 5 bits, from 10 bytes.
  let random = '';
  let bits = 0;
  let value = 0;
  for (let i = 0; i < 10; i++) {
    value = (value << 8) | bytes[from + i]!;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      random += CROCKFORD[(value >>> bits) & 31]!;
    }
    value &= (1 << bits) - 1;
  }
  return time + random;
}
