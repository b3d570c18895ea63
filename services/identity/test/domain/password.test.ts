import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/domain/password.js';

describe('password hashing', () => {
  it('hashes with scrypt and a salt, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse battery');
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const hash = await hashPassword('caf\u00e9 au lait');
    expect(await verifyPassword('cafe\u0301 au lait', hash)).toBe(true);
  });

  it('answers every one of a burst of checks, right and wrong, though they take turns', async () => {
    const hash = await hashPassword('correct horse battery');
    const guesses = Array.from({ length: 9 }, (_, i) => (i % 3 === 0 ? 'correct horse battery' : `guess ${i}`));
    const results = await Promise.all(guesses.map((g) => verifyPassword(g, hash)));
    expect(results).toEqual(guesses.map((g) => g === 'correct horse battery'));
  });

  it('rejects a hash it does not understand', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});
