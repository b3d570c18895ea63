import { randomUUID } from 'node:crypto';
import type { AccessClaims, Db } from '@starling/kit';
import { TOKEN_AUDIENCE } from '@starling/kit';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  importPKCS8,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import { sql } from 'kysely';

const ALG = 'ES256';

type SigningKey = Awaited<ReturnType<typeof importJWK>>;

/**
 * The identity service's token signing key (ES256). It comes from AUTH_SIGNING_KEY
 * when set; otherwise one is generated on first start and kept in the identity schema,
 * so every replica signs with the same key. Only the public half is ever published.
 */
export class KeyRing {
  private signing: { kid: string; key: SigningKey } | undefined;
  private jwks: JSONWebKeySet = { keys: [] };
  private localSet: JWTVerifyGetKey | undefined;
  private loaded: Promise<void> | undefined;

  /** Verifies with the loaded public keys; waits for `load` on first use. */
  readonly getKey: JWTVerifyGetKey = async (header, token) => {
    await this.loaded;
    if (!this.localSet) throw new Error('signing keys are not loaded');
    return this.localSet(header, token);
  };

  /** `signingKey`: AUTH_SIGNING_KEY when set; otherwise the key kept in the database. */
  load(db: Db, signingKey: string | undefined): Promise<void> {
    this.loaded ??= this.loadOnce(db, signingKey).catch((err: unknown) => {
      this.loaded = undefined; // let a later start try again
      throw err;
    });
    return this.loaded;
  }

  publicKeys(): JSONWebKeySet {
    return this.jwks;
  }

  async sign(
    claims: Pick<AccessClaims, 'sub' | 'username' | 'role' | 'sid' | 'csrf' | 'scope' | 'client_id'>,
    issuer: string,
    ttlSeconds: number,
  ) {
    if (!this.signing) throw new Error('signing keys are not loaded');
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: ALG, kid: this.signing.kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(claims.sub)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.signing.key);
  }

  private async loadOnce(db: Db, signingKey: string | undefined): Promise<void> {
    const { kid, privateJwk } = signingKey ? await fromEnvironment(signingKey) : await fromDatabase(db);
    const { d: _private, ...publicJwk } = privateJwk;
    const published: JWK = { ...publicJwk, kid, alg: ALG, use: 'sig' };
    this.signing = { kid, key: await importJWK({ ...privateJwk, alg: ALG }, ALG) };
    this.jwks = { keys: [published] };
    this.localSet = createLocalJWKSet(this.jwks);
  }
}

async function fromEnvironment(value: string): Promise<{ kid: string; privateJwk: JWK }> {
  const trimmed = value.trim();
  const privateJwk = trimmed.startsWith('{')
    ? (JSON.parse(trimmed) as JWK)
    : await exportJWK(await importPKCS8(trimmed.replace(/\\n/g, '\n'), ALG, { extractable: true }));
  if (!privateJwk.d) throw new Error('AUTH_SIGNING_KEY must be an EC P-256 private key (PKCS#8 PEM or JWK)');
  return { kid: privateJwk.kid ?? 'env', privateJwk };
}

async function fromDatabase(db: Db): Promise<{ kid: string; privateJwk: JWK }> {
  const existing = await sql<{ kid: string; private_jwk: JWK }>`
    select kid, private_jwk from signing_keys order by created_at, kid limit 1`.execute(db);
  if (existing.rows[0]) return { kid: existing.rows[0].kid, privateJwk: existing.rows[0].private_jwk };
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const kid = randomUUID();
  const privateJwk = await exportJWK(privateKey);
  await sql`
    insert into signing_keys (kid, private_jwk, public_jwk)
    values (${kid}, ${JSON.stringify(privateJwk)}::jsonb, ${JSON.stringify(await exportJWK(publicKey))}::jsonb)`.execute(
    db,
  );
  // Two replicas starting at once may both generate; all of them use the oldest.
  const chosen = await sql<{ kid: string; private_jwk: JWK }>`
    select kid, private_jwk from signing_keys order by created_at, kid limit 1`.execute(db);
  return { kid: chosen.rows[0]!.kid, privateJwk: chosen.rows[0]!.private_jwk };
}
