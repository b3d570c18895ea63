// Access tokens for the seeded people, kept between modes and runs.
//
// A login costs the server one scrypt hash (32 MiB, about 0.2 s of a core; 0.65 s on
// a loaded 2-core machine), so logging in a few hundred people per mode per run would
// take minutes before anything is measured. Instead every mode runs with the same
// signing key (AUTH_SIGNING_KEY, generated once into bench/.data) and a long token
// lifetime, and the tokens are cached per data set: the people of a cached set keep
// their ids in every copy of it, so a token minted in one run is good in the next.
// Scenario 5 still measures real logins.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { login, mapLimit, request } from './api.js';

/** Long enough for the slowest full run; tokens are re-minted well before they lapse. */
export const TOKEN_TTL_SECONDS = 30 * 24 * 3600;
const MARGIN_MS = 6 * 3600 * 1000;
/** Logins in flight at once: a 2-core server hashes no faster with more. */
const LOGIN_CONCURRENCY = 4;

/** The bench's signing key (a P-256 private JWK), made on first use. */
export function signingKey(benchDir) {
  const file = path.join(benchDir, '.data', 'signing-key.json');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  const text = JSON.stringify({ ...jwk, kid: 'starling-bench' });
  // Written before any server starts, so every mode gets the same key; private to us.
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${text}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return text;
}

/** A JWT's expiry in ms since the epoch, from its payload (not verified: the server does that). */
function expiryMs(token) {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    return payload.exp * 1000;
  } catch {
    return 0;
  }
}

/**
 * The token cache of one data set in one storage (the embedded and the PostgreSQL
 * copies of a set are seeded separately: same usernames, other ids).
 */
export class TokenCache {
  constructor(benchDir, storage, manifest) {
    this.file = path.join(benchDir, '.data', `tokens-${storage}-${manifest.users}-${manifest.tweets}.json`);
    // Tokens carry the user's id: a rebuilt set (new ids) starts afresh.
    this.identity = `${manifest.key}@${manifest.builtAt}`;
    this.tokens = {};
    if (existsSync(this.file)) {
      const saved = JSON.parse(readFileSync(this.file, 'utf8'));
      if (saved.identity === this.identity) this.tokens = saved.tokens;
    }
  }

  /**
   * Check that the cached tokens still pass on this server (the key or the token
   * format may have changed since they were minted); forget them all if not.
   */
  async validate(baseUrl) {
    const sample = Object.values(this.tokens).slice(0, 3);
    if (sample.length === 0) return;
    const statuses = await Promise.all(
      sample.map((token) => request(`${baseUrl}/api/v1/auth/me`, { token }).then((r) => r.status)),
    );
    if (statuses.some((s) => s !== 200)) this.tokens = {};
  }

  /** Tokens for `usernames`, logging in only those without a fresh cached one. */
  async tokensFor(baseUrl, usernames, password) {
    const fresh = (u) => this.tokens[u] && expiryMs(this.tokens[u]) > Date.now() + MARGIN_MS;
    const missing = usernames.filter((u) => !fresh(u));
    const minted = await mapLimit(missing, LOGIN_CONCURRENCY, (u) => login(baseUrl, u, password));
    missing.forEach((u, i) => (this.tokens[u] = minted[i]));
    if (missing.length > 0) await this.save();
    return { tokens: usernames.map((u) => this.tokens[u]), loggedIn: missing.length };
  }

  async save() {
    await mkdir(path.dirname(this.file), { recursive: true });
    await writeFile(`${this.file}.tmp`, JSON.stringify({ identity: this.identity, tokens: this.tokens }));
    await rename(`${this.file}.tmp`, this.file);
  }
}
