import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToStream,
  readAfter,
  readStream,
  START,
  WrongExpectedVersion,
  type Db,
  type NewEvent,
} from '@starling/kit';
import { eventually } from '../support/assertions.js';
import { inEachStorageMode, startStarling, postgresUrl, type Starling } from '../support/starling.js';

const happened = (n: number): NewEvent => ({ type: 'TestHappened', data: { n } });
let streams = 0;
const newStream = () => `test-${++streams}-${Math.random().toString(36).slice(2)}`;

inEachStorageMode('event store', (mode) => {
  let s: Starling;
  let db: Db;
  beforeAll(async () => {
    s = await startStarling(mode);
    db = s.platform.contexts.find((c) => c.name === 'tweets')!.db;
  });
  afterAll(async () => s?.close());

  const append = (stream: string, expected: number, events: NewEvent[]) =>
    db.transaction().execute(async (trx) => (await appendToStream(trx, stream, expected, events)).version);
  const dataOf = async (stream: string) => (await readStream(db, stream)).map((e) => (e.data as { n: number }).n);

  it('numbers a stream 1, 2, 3… and returns its new version', async () => {
    const stream = newStream();
    expect(await append(stream, 0, [happened(1), happened(2)])).toBe(2);
    expect(await append(stream, 2, [happened(3)])).toBe(3);
    const events = await readStream(db, stream);
    expect(events.map((e) => [e.version, e.type, e.data])).toEqual([
      [1, 'TestHappened', { n: 1 }],
      [2, 'TestHappened', { n: 2 }],
      [3, 'TestHappened', { n: 3 }],
    ]);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(3);
  });

  it('a wrong expected version throws WrongExpectedVersion and writes nothing', async () => {
    const stream = newStream();
    await append(stream, 0, [happened(1)]);
    for (const expected of [0, 2, 5]) {
      const error = await append(stream, expected, [happened(8), happened(9)]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedVersion);
      expect(error).toMatchObject({ streamId: stream, expected, actual: 1 });
    }
    expect(await dataOf(stream)).toEqual([1]);

    const missing = newStream();
    await expect(append(missing, 1, [happened(1)])).rejects.toBeInstanceOf(WrongExpectedVersion);
    expect(await readStream(db, missing)).toEqual([]);
  });

  it('concurrent appends at the same expected version: exactly one succeeds, whole', async () => {
    const stream = newStream();
    await append(stream, 0, [happened(0)]);
    const writers = Array.from({ length: 8 }, (_, i) => append(stream, 1, [happened(10 + i), happened(20 + i)]));
    const results = await Promise.allSettled(writers);
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(WrongExpectedVersion);
    }
    // The winner's two events and nobody else's.
    expect(await dataOf(stream)).toEqual([0, 10 + won[0]!, 20 + won[0]!]);
    expect((await readStream(db, stream)).map((e) => e.version)).toEqual([1, 2, 3]);
  });

  it('concurrent creations of one stream: exactly one succeeds', async () => {
    const stream = newStream();
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => append(stream, 0, [happened(i)])));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await readStream(db, stream)).toHaveLength(1);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the events table of every service', async () => {
    for (const ctx of s.platform.contexts) {
      const stream = newStream();
      await ctx.db.transaction().execute((trx) => appendToStream(trx, stream, 0, [happened(1)]));
      const before = await readStream(ctx.db, stream);
      await expect(
        sql`update events set type = 'Tampered' where stream_id = ${stream}`.execute(ctx.db),
      ).rejects.toThrow(/append-only/);
      await expect(sql`delete from events where stream_id = ${stream}`.execute(ctx.db)).rejects.toThrow(/append-only/);
      await expect(sql`truncate events`.execute(ctx.db)).rejects.toThrow(/append-only/);
      expect(await readStream(ctx.db, stream)).toEqual(before);
    }
  });

  it('gives events increasing global positions, read back in commit order', async () => {
    const a = newStream();
    const b = newStream();
    await append(a, 0, [happened(1)]);
    await append(b, 0, [happened(2)]);
    await append(a, 1, [happened(3), happened(4)]);
    // Readable once every transaction older than them has ended, anywhere on the server
    // (other suites share it): wait for that, then the order must be exact.
    const ours = async () =>
      (await readAfter(db, 'tweets', START, 100_000)).filter((e) => e.streamId === a || e.streamId === b);
    const mine = await eventually(async () => {
      const events = await ours();
      expect(events).toHaveLength(4);
      return events;
    }, 10_000);
    expect(mine.map((e) => [e.streamId, e.version])).toEqual([
      [a, 1],
      [b, 1],
      [a, 2],
      [a, 3],
    ]);
    const positions = mine.map((e) => e.position);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(new Set(positions).size).toBe(positions.length);
    // Reading after a checkpoint resumes exactly after it.
    const first = mine[0]!;
    const rest = (await readAfter(db, 'tweets', first, 100_000)).filter((e) => e.streamId === a || e.streamId === b);
    expect(rest.map((e) => e.eventId)).toEqual(mine.slice(1).map((e) => e.eventId));
  });

  it('two concurrent deletes of one tweet: one 204, one refusal, one TweetDeleted', async () => {
    const ann = await s.signUp('race_ann');
    const posted = await s.request({ method: 'POST', url: '/api/v2/tweets', token: ann.token, json: { body: 'once' } });
    const id = posted.json().id as string;
    const deletes = await Promise.all(
      [1, 2].map(() => s.request({ method: 'DELETE', url: `/api/v2/tweets/${id}`, token: ann.token })),
    );
    const statuses = deletes.map((r) => r.statusCode).sort();
    expect(statuses[0]).toBe(204);
    expect([404, 412]).toContain(statuses[1]);
    const events = await readStream(db, `tweet-${id}`);
    expect(events.map((e) => e.type)).toEqual(['TweetPosted', 'TweetDeleted']);
  });
});

describe.skipIf(!postgresUrl)(
  `reading your own write while older transactions are open on ${postgresUrl ? 'PostgreSQL' : 'PostgreSQL (skipped: DATABASE_URL is not set)'}`,
  () => {
    let s: Starling;
    beforeAll(async () => {
      s = await startStarling({ postgres: true });
    });
    afterAll(async () => s?.close());

    it('a post answers 201 with the tweet once an older transaction that was open at its commit ends', async () => {
      const bo = await s.signUp('open_tx_bo');
      const tweets = s.platform.contexts.find((c) => c.name === 'tweets')!.db;
      // Another session's transaction with a transaction id, begun before the post: events
      // committed after it are invisible to readers until it ends.
      const other = new pg.Client({ connectionString: s.platform.contexts[0]!.config.DATABASE_URL });
      await other.connect();
      try {
        await other.query('begin');
        await other.query('select pg_current_xact_id()');
        let settled = false;
        const posting = s
          .request({
            method: 'POST',
            url: '/api/v2/tweets',
            token: bo.token,
            json: { body: 'behind an open transaction' },
          })
          .finally(() => (settled = true));
        // Wait (bounded) until the post's event is committed, then end the older transaction.
        const deadline = Date.now() + 10_000;
        for (;;) {
          const { rows } = await sql<{ n: number }>`
            select count(*)::int as n from events where data->>'body' = 'behind an open transaction'`.execute(tweets);
          if (rows[0]!.n === 1 || settled || Date.now() > deadline) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await other.query('rollback');
        const res = await posting;
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json()).toMatchObject({ body: 'behind an open transaction', tweetedby: 'open_tx_bo' });
        expect((await s.request({ url: res.headers.location as string })).statusCode).toBe(200);
      } finally {
        await other.end();
      }
    });
  },
);

/*
 * Transaction ids are numbers, but `readAfter` also returns them as text: ordering by
 * that text read transaction 1000 before 999, and a batch cut by its limit then moved a
 * checkpoint past an event never delivered. Crossing a power of ten takes a few
 * thousand transactions at most on a fresh embedded database; on a shared PostgreSQL
 * server the next one may be millions away, so this runs embedded.
 */
describe('reading the log when transaction ids gain a digit', () => {
  let s: Starling;
  let db: Db;
  beforeAll(async () => {
    s = await startStarling({ postgres: false });
    db = s.platform.contexts.find((c) => c.name === 'tweets')!.db;
  });
  afterAll(async () => s?.close());

  /** Each call is a transaction of its own, so it takes (and returns) a new transaction id. */
  const takeXid = async () =>
    BigInt((await sql<{ x: string }>`select pg_current_xact_id()::text as x`.execute(db)).rows[0]!.x);

  it('reads 999 before 1000: in transaction order, not text order', async () => {
    const boundary = 10n ** BigInt(String(await takeXid()).length);
    while ((await takeXid()) < boundary - 3n);
    const append = (n: number) =>
      db.transaction().execute(async (trx) => (await appendToStream(trx, newStream(), 0, [happened(n)])).events[0]!);
    const before = await append(1);
    while ((await takeXid()) < boundary);
    const after = await append(2);
    expect(before.txId.length).toBeLessThan(after.txId.length);

    const read = await readAfter(db, 'tweets', { txId: String(BigInt(before.txId) - 1n), position: 0 }, 2);
    expect(read.map((e) => e.eventId)).toEqual([before.eventId, after.eventId]);
  });
});
