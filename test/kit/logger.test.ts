import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@starling/kit';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger({ LOG_LEVEL: 'info' }, sink), lines };
}

const HASH = 'scrypt$16384$8$1$c2FsdA$aGFzaA';
const EMAIL = 'ada@example.com';
const EVENT = JSON.stringify({ user_id: '01X', username: 'ada', email: EMAIL, password_hash: HASH });

/** What PGlite and node-postgres attach to an error: the statement, its parameters, the failing row. */
function databaseError() {
  return Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
    code: '22021',
    query: `insert into events (data) values ($1)`,
    params: [EVENT],
    parameters: [EVENT],
    detail: `Failing row contains (${EMAIL}, ${HASH}).`,
    where: `COPY events, line 1: ${EVENT}`,
  });
}

describe('the logger', () => {
  it('logs a database error with its message and code but none of the data it was writing', () => {
    const { log, lines } = capture();
    log.error({ err: databaseError() }, 'request failed');
    log.error({ err: new Error('wrapped', { cause: databaseError() }) }, 'request failed');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain(HASH);
      expect(line).not.toContain(EMAIL);
      expect(line).not.toContain('insert into');
    }
    expect(JSON.parse(lines[0]!).err).toMatchObject({ message: expect.stringContaining('0x00'), code: '22021' });
  });

  it('censors secret fields wherever they sit in a logged object', () => {
    const { log, lines } = capture();
    log.info({ event: { data: { email: EMAIL, password_hash: HASH } }, token: 'eyJ.secret.sig' }, 'appended');
    log.info({ email: EMAIL, body: { password: 'hunter22', access_token: 'eyJ.a.b' } }, 'login');
    const text = lines.join('\n');
    for (const secret of [EMAIL, HASH, 'eyJ.secret.sig', 'hunter22', 'eyJ.a.b']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it('censors the object store credentials, as configured and as the S3 client holds them', () => {
    const { log, lines } = capture();
    const env = { S3_ACCESS_KEY_ID: 'AKIASTARLING', S3_SECRET_ACCESS_KEY: 'wJalr/starling/secret' };
    log.info({ config: { ...env, env } }, 'configured');
    log.info(
      { store: { credentials: { accessKeyId: 'AKIASTARLING', secretAccessKey: 'wJalr/starling/secret' } } },
      's3',
    );
    const text = lines.join('\n');
    for (const secret of Object.values(env)) expect(text).not.toContain(secret);
  });
});
