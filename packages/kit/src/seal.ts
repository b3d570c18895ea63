import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.js';

/**
 * Sealing: how a secret (a password-reset link's token) crosses the bus without an
 * event ever holding it in the clear. The service that makes the token seals it with
 * MAIL_SEAL_KEY (AES-256-GCM); only a process holding the same key (the one that sends
 * the mail) can open it, and a sealed value that was changed does not open at all.
 * Without MAIL_SEAL_KEY a key is made once and kept in DATA_DIR/mail-seal.key, which
 * serves the embedded mode; every process of a distributed deployment is given the
 * same key.
 */
const VERSION = 'v1';

export type SealKey = Buffer;

const keys = new Map<string, SealKey>();

/** The key from MAIL_SEAL_KEY (32 bytes, base64 or base64url), or the one kept under DATA_DIR. */
export function sealKeyOf(config: Pick<Config, 'DATA_DIR'> & { env: Record<string, string | undefined> }): SealKey {
  const configured = config.env.MAIL_SEAL_KEY;
  if (configured) {
    const key = Buffer.from(configured, 'base64url');
    if (key.length !== 32) throw new Error('MAIL_SEAL_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
    return key;
  }
  const cached = keys.get(config.DATA_DIR);
  if (cached) return cached;
  let key: SealKey;
  if (config.DATA_DIR.startsWith('memory://')) key = randomBytes(32);
  else {
    const file = join(config.DATA_DIR, 'mail-seal.key');
    if (!existsSync(file)) {
      mkdirSync(config.DATA_DIR, { recursive: true });
      // 'wx': two processes starting at once keep the first one's key.
      try {
        writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      chmodSync(file, 0o600);
    }
    key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  }
  keys.set(config.DATA_DIR, key);
  return key;
}

/** `value` sealed: `v1.<iv>.<ciphertext>.<tag>`, base64url. */
export function seal(key: SealKey, value: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return [VERSION, iv, sealed, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** What `seal` sealed, or undefined for a value sealed with another key, changed, or not sealed at all. */
export function unseal(key: SealKey, sealed: string): string | undefined {
  const [version, iv, data, tag] = sealed.split('.');
  if (version !== VERSION || !iv || !data || !tag) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
