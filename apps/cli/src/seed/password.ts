/**
 * The identity service's own password hash (scrypt, its parameters and format), so
 * seeded accounts log in like any other. Computed once per run: every seeded account
 * shares the password, and one scrypt at 32 MiB per user would dominate a large seed.
 *
 * `@starling/identity` does not export `hashPassword`, and its package exports allow
 * no deep import; so it is loaded from beside the package's entry point (dist/ in a
 * built checkout). Exporting it from the identity service would make this an import.
 */
export async function hashWithIdentity(password: string): Promise<string> {
  const entry = import.meta.resolve('@starling/identity');
  const module = (await import(new URL('./domain/password.js', entry).href)) as {
    hashPassword(password: string): Promise<string>;
  };
  const hash = await module.hashPassword(password);
  if (!hash.startsWith('scrypt$')) throw new Error('the identity service hashed the password in an unknown format');
  return hash;
}
